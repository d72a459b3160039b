-- drop_unique (postgresql)
ALTER TABLE "customers" DROP CONSTRAINT "uq_customers_name";
-- reverse
ALTER TABLE "customers" ADD CONSTRAINT "uq_customers_name" UNIQUE ("name");
