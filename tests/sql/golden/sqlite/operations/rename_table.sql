-- rename_table (sqlite)
.bail on
ALTER TABLE "customers" RENAME TO "clients";
-- reverse
.bail on
ALTER TABLE "clients" RENAME TO "customers";
