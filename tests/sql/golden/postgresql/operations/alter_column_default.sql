-- alter_column_default (postgresql)
ALTER TABLE "orders" ALTER COLUMN "note" SET DEFAULT 'none';
-- reverse
ALTER TABLE "orders" ALTER COLUMN "note" DROP DEFAULT;
