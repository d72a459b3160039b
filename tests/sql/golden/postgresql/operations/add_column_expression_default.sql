-- add_column_expression_default (postgresql)
ALTER TABLE "customers" ADD COLUMN "created_at" timestamp without time zone DEFAULT CURRENT_TIMESTAMP;
-- reverse
ALTER TABLE "customers" DROP COLUMN "created_at";
