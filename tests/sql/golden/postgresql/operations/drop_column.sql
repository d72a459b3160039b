-- drop_column (postgresql)
ALTER TABLE "customers" DROP COLUMN "email";
-- reverse
ALTER TABLE "customers" ADD COLUMN "email" character varying(255);
