-- set_primary_key (mysql)
ALTER TABLE `notes_log` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `seq`);
-- reverse
ALTER TABLE `notes_log` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`);
