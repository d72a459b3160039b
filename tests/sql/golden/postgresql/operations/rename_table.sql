-- rename_table (postgresql)
ALTER TABLE "customers" RENAME TO "clients";
-- reverse
ALTER TABLE "clients" RENAME TO "customers";
