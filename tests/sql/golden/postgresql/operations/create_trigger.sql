-- create_trigger (postgresql)
CREATE TRIGGER "orders_touch2" BEFORE INSERT ON "orders" FOR EACH ROW EXECUTE FUNCTION covet_touch();
-- reverse
DROP TRIGGER "orders_touch2" ON "orders";
