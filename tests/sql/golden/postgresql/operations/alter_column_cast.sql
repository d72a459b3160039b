-- alter_column_cast (postgresql)
ALTER TABLE "orders" ALTER COLUMN "code" TYPE integer USING "code"::integer;
-- reverse
ALTER TABLE "orders" ALTER COLUMN "code" TYPE character varying(10) USING "code"::character varying(10);
