-- create_trigger (sqlite)
.bail on
CREATE TRIGGER "orders_touch2" AFTER INSERT ON "orders" FOR EACH ROW
BEGIN
  UPDATE customers SET name = name WHERE id = NEW.customer_id;
END;
-- reverse
.bail on
DROP TRIGGER "orders_touch2";
