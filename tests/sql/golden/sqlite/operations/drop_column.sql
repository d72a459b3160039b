-- drop_column (sqlite)
.bail on
ALTER TABLE "customers" DROP COLUMN "email";
-- reverse
.bail on
ALTER TABLE "customers" ADD COLUMN "email" VARCHAR(255);
