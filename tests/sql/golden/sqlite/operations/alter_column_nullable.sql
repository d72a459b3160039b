-- alter_column_nullable (sqlite)
.bail on
PRAGMA foreign_keys=OFF;
BEGIN;
DROP TRIGGER "orders_touch";
CREATE TABLE "covet_new_customers" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(100) NOT NULL,
  "email" VARCHAR(255) NOT NULL,
  PRIMARY KEY ("id"),
  CONSTRAINT "uq_customers_name" UNIQUE ("name")
);
INSERT INTO "covet_new_customers" ("id", "name", "email")
  SELECT "id", "name", "email" FROM "customers";
DROP TABLE "customers";
ALTER TABLE "covet_new_customers" RENAME TO "customers";
CREATE TRIGGER "orders_touch" AFTER INSERT ON "orders" FOR EACH ROW
BEGIN
  UPDATE customers SET name = name WHERE id = NEW.customer_id;
END;
CREATE TEMP TABLE "covet_foreign_key_check" (violations INTEGER CONSTRAINT "foreign_key_check_failed" CHECK (violations = 0));
INSERT INTO temp."covet_foreign_key_check" SELECT count(*) FROM (SELECT 1 FROM pragma_foreign_key_check('orders'));
DROP TABLE temp."covet_foreign_key_check";
COMMIT;
PRAGMA foreign_keys=ON;
-- reverse
.bail on
PRAGMA foreign_keys=OFF;
BEGIN;
DROP TRIGGER "orders_touch";
CREATE TABLE "covet_new_customers" (
  "id" INTEGER NOT NULL,
  "name" VARCHAR(100) NOT NULL,
  "email" VARCHAR(255),
  PRIMARY KEY ("id"),
  CONSTRAINT "uq_customers_name" UNIQUE ("name")
);
INSERT INTO "covet_new_customers" ("id", "name", "email")
  SELECT "id", "name", "email" FROM "customers";
DROP TABLE "customers";
ALTER TABLE "covet_new_customers" RENAME TO "customers";
CREATE TRIGGER "orders_touch" AFTER INSERT ON "orders" FOR EACH ROW
BEGIN
  UPDATE customers SET name = name WHERE id = NEW.customer_id;
END;
CREATE TEMP TABLE "covet_foreign_key_check" (violations INTEGER CONSTRAINT "foreign_key_check_failed" CHECK (violations = 0));
INSERT INTO temp."covet_foreign_key_check" SELECT count(*) FROM (SELECT 1 FROM pragma_foreign_key_check('orders'));
DROP TABLE temp."covet_foreign_key_check";
COMMIT;
PRAGMA foreign_keys=ON;
