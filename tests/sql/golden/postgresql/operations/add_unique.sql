-- add_unique (postgresql)
ALTER TABLE "customers" ADD CONSTRAINT "uq_customers_email" UNIQUE ("email");
-- reverse
ALTER TABLE "customers" DROP CONSTRAINT "uq_customers_email";
