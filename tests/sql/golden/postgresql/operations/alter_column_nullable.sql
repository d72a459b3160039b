-- alter_column_nullable (postgresql)
ALTER TABLE "customers" ALTER COLUMN "email" SET NOT NULL;
-- reverse
ALTER TABLE "customers" ALTER COLUMN "email" DROP NOT NULL;
