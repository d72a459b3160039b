-- set_primary_key (postgresql)
ALTER TABLE "notes_log" DROP CONSTRAINT "notes_log_pkey", ADD PRIMARY KEY ("id", "seq");
-- reverse
ALTER TABLE "notes_log" DROP CONSTRAINT "notes_log_pkey", ADD PRIMARY KEY ("id");
