-- add_column_not_null_default (sqlite)
.bail on
ALTER TABLE "orders" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0;
-- reverse
.bail on
ALTER TABLE "orders" DROP COLUMN "priority";
