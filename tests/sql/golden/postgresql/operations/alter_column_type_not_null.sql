-- alter_column_type_not_null (postgresql)
ALTER TABLE "orders" ALTER COLUMN "note" TYPE character varying(300), ALTER COLUMN "note" SET NOT NULL;
-- reverse
ALTER TABLE "orders" ALTER COLUMN "note" TYPE character varying(200), ALTER COLUMN "note" DROP NOT NULL;
