CREATE TABLE "customers" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "email" VARCHAR(255) NOT NULL COLLATE "NOCASE",
  "name" TEXT,
  "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "born" DATE DEFAULT (date('now')),
  CONSTRAINT "customers_email_key" UNIQUE ("email"),
  CONSTRAINT "customers_email_check" CHECK (email <> '')
);

CREATE TABLE "orders" (
  "customer_id" INTEGER NOT NULL,
  "order_no" INTEGER NOT NULL,
  "status" VARCHAR(20) NOT NULL DEFAULT 'open',
  "total" NUMERIC(10,2) NOT NULL DEFAULT 0,
  "total_with_tax" NUMERIC(12,2) GENERATED ALWAYS AS (total * 1.2) STORED,
  "note" VARCHAR(100),
  "note_length" INTEGER GENERATED ALWAYS AS (length(note)) VIRTUAL,
  PRIMARY KEY ("customer_id", "order_no"),
  CONSTRAINT "orders_total_check" CHECK (total >= 0),
  CONSTRAINT "orders_customer_fk" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE "order_items" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "customer_id" INTEGER NOT NULL,
  "order_no" INTEGER NOT NULL,
  "qty" SMALLINT NOT NULL DEFAULT 1,
  CONSTRAINT "order_items_order_fk" FOREIGN KEY ("customer_id", "order_no") REFERENCES "orders" ("customer_id", "order_no") ON DELETE CASCADE ON UPDATE RESTRICT
);

CREATE TABLE "employees" (
  "id" INTEGER NOT NULL,
  "department_id" INTEGER NOT NULL,
  PRIMARY KEY ("id"),
  CONSTRAINT "employees_department_fk" FOREIGN KEY ("department_id") REFERENCES "departments" ("id")
);

CREATE TABLE "departments" (
  "id" INTEGER NOT NULL,
  "head_id" INTEGER,
  PRIMARY KEY ("id"),
  CONSTRAINT "departments_head_fk" FOREIGN KEY ("head_id") REFERENCES "employees" ("id") ON DELETE SET NULL
);

CREATE TABLE "we""ird ta`ble; sélect" (
  "select" INTEGER NOT NULL,
  "Or""der `Straße`" VARCHAR(50) DEFAULT 'it''s; -- not a comment',
  PRIMARY KEY ("select"),
  CONSTRAINT "uq `odd`; drop" UNIQUE ("Or""der `Straße`")
);

CREATE TABLE "kv" (
  "k" TEXT NOT NULL,
  "v" BLOB,
  PRIMARY KEY ("k")
) WITHOUT ROWID;

CREATE INDEX "customers_lower_email_idx" ON "customers" ((lower(email)));

CREATE INDEX "orders_open_idx" ON "orders" ("status", "order_no" DESC) WHERE status = 'open';

CREATE INDEX "order_items_order_idx" ON "order_items" ("customer_id", "order_no");

CREATE INDEX "employees_department_idx" ON "employees" ("department_id");

CREATE INDEX "departments_head_idx" ON "departments" ("head_id");

CREATE UNIQUE INDEX "ix ""odd"" `é`" ON "we""ird ta`ble; sélect" ("Or""der `Straße`" DESC);

CREATE VIEW "customer_orders" AS
SELECT c.id AS customer_id, count(o.order_no) AS order_count FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id;

CREATE VIEW "big_customers" AS
SELECT customer_orders.customer_id, customer_orders.order_count FROM customer_orders WHERE customer_orders.order_count > 10;

CREATE TRIGGER "orders_after_insert" AFTER INSERT ON "orders" FOR EACH ROW
BEGIN
  UPDATE customers SET name = CASE WHEN name IS NULL THEN 'x;y' ELSE name END WHERE id = NEW.customer_id;
END;
