-- alter_column_type (postgresql)
ALTER TABLE "orders" ALTER COLUMN "qty" DROP DEFAULT, ALTER COLUMN "qty" TYPE bigint, ALTER COLUMN "qty" SET DEFAULT 1;
-- reverse
ALTER TABLE "orders" ALTER COLUMN "qty" DROP DEFAULT, ALTER COLUMN "qty" TYPE integer, ALTER COLUMN "qty" SET DEFAULT 1;
