-- rename_column (sqlite)
.bail on
ALTER TABLE "customers" RENAME COLUMN "name" TO "full_name";
-- reverse
.bail on
ALTER TABLE "customers" RENAME COLUMN "full_name" TO "name";
