-- add_check (postgresql)
ALTER TABLE "customers" ADD CONSTRAINT "ck_customers_name" CHECK (length(name) > 0);
-- reverse
ALTER TABLE "customers" DROP CONSTRAINT "ck_customers_name";
