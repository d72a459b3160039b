-- drop_trigger (sqlite)
.bail on
DROP TRIGGER "orders_touch";
-- reverse
.bail on
CREATE TRIGGER "orders_touch" AFTER INSERT ON "orders" FOR EACH ROW
BEGIN
  UPDATE customers SET name = name WHERE id = NEW.customer_id;
END;
