-- alter_column_cast (sqlite)
.bail on
PRAGMA foreign_keys=OFF;
BEGIN;
DROP VIEW "order_view";
CREATE TABLE "covet_new_orders" (
  "id" INTEGER NOT NULL,
  "customer_id" INTEGER NOT NULL,
  "qty" INTEGER NOT NULL DEFAULT 1,
  "note" VARCHAR(200),
  "code" INTEGER,
  PRIMARY KEY ("id"),
  CONSTRAINT "ck_orders_qty" CHECK (qty > 0),
  CONSTRAINT "fk_orders_customer" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE
);
-- covet: a value the new column type cannot take stops this copy ("integer overflow")
INSERT INTO "covet_new_orders" ("id", "customer_id", "qty", "note", "code")
  SELECT "id", "customer_id", "qty", "note", CASE WHEN CAST("code" AS INTEGER) <> "code" THEN abs(-9223372036854775807 - 1) ELSE "code" END FROM "orders";
DROP TABLE "orders";
ALTER TABLE "covet_new_orders" RENAME TO "orders";
CREATE INDEX "orders_customer_idx" ON "orders" ("customer_id");
CREATE INDEX "orders_qty_idx" ON "orders" ("qty");
CREATE INDEX "orders_note_idx" ON "orders" ("note");
CREATE TRIGGER "orders_touch" AFTER INSERT ON "orders" FOR EACH ROW
BEGIN
  UPDATE customers SET name = name WHERE id = NEW.customer_id;
END;
CREATE VIEW "order_view" AS
SELECT id, qty FROM orders;
CREATE TEMP TABLE "covet_foreign_key_check" (violations INTEGER CONSTRAINT "foreign_key_check_failed" CHECK (violations = 0));
INSERT INTO temp."covet_foreign_key_check" SELECT count(*) FROM (SELECT 1 FROM pragma_foreign_key_check('orders'));
DROP TABLE temp."covet_foreign_key_check";
COMMIT;
PRAGMA foreign_keys=ON;
-- reverse
.bail on
PRAGMA foreign_keys=OFF;
BEGIN;
DROP VIEW "order_view";
CREATE TABLE "covet_new_orders" (
  "id" INTEGER NOT NULL,
  "customer_id" INTEGER NOT NULL,
  "qty" INTEGER NOT NULL DEFAULT 1,
  "note" VARCHAR(200),
  "code" VARCHAR(10),
  PRIMARY KEY ("id"),
  CONSTRAINT "ck_orders_qty" CHECK (qty > 0),
  CONSTRAINT "fk_orders_customer" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE
);
-- covet: a value the new column type cannot take stops this copy ("integer overflow")
INSERT INTO "covet_new_orders" ("id", "customer_id", "qty", "note", "code")
  SELECT "id", "customer_id", "qty", "note", CASE typeof("code") WHEN 'integer' THEN CASE WHEN length(CAST("code" AS TEXT)) > 10 THEN abs(-9223372036854775807 - 1) ELSE CAST("code" AS TEXT) END WHEN 'real' THEN CASE WHEN length(CASE WHEN "code" = CAST("code" AS INTEGER) AND abs("code") < 1e15 THEN CAST(CAST("code" AS INTEGER) AS TEXT) ELSE CAST("code" AS TEXT) END) > 10 THEN abs(-9223372036854775807 - 1) ELSE CASE WHEN "code" = CAST("code" AS INTEGER) AND abs("code") < 1e15 THEN CAST(CAST("code" AS INTEGER) AS TEXT) ELSE CAST("code" AS TEXT) END END WHEN 'text' THEN CASE WHEN length("code") > 10 THEN abs(-9223372036854775807 - 1) ELSE "code" END WHEN 'blob' THEN CASE WHEN 1 THEN abs(-9223372036854775807 - 1) ELSE "code" END ELSE "code" END FROM "orders";
DROP TABLE "orders";
ALTER TABLE "covet_new_orders" RENAME TO "orders";
CREATE INDEX "orders_customer_idx" ON "orders" ("customer_id");
CREATE INDEX "orders_qty_idx" ON "orders" ("qty");
CREATE INDEX "orders_note_idx" ON "orders" ("note");
CREATE TRIGGER "orders_touch" AFTER INSERT ON "orders" FOR EACH ROW
BEGIN
  UPDATE customers SET name = name WHERE id = NEW.customer_id;
END;
CREATE VIEW "order_view" AS
SELECT id, qty FROM orders;
CREATE TEMP TABLE "covet_foreign_key_check" (violations INTEGER CONSTRAINT "foreign_key_check_failed" CHECK (violations = 0));
INSERT INTO temp."covet_foreign_key_check" SELECT count(*) FROM (SELECT 1 FROM pragma_foreign_key_check('orders'));
DROP TABLE temp."covet_foreign_key_check";
COMMIT;
PRAGMA foreign_keys=ON;
