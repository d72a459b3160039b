-- rename_column (postgresql)
ALTER TABLE "customers" RENAME COLUMN "name" TO "full_name";
-- reverse
ALTER TABLE "customers" RENAME COLUMN "full_name" TO "name";
