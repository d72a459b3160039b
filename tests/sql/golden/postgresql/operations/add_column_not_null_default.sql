-- add_column_not_null_default (postgresql)
ALTER TABLE "orders" ADD COLUMN "priority" integer NOT NULL DEFAULT 0;
-- reverse
ALTER TABLE "orders" DROP COLUMN "priority";
