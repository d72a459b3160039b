-- drop_trigger (postgresql)
DROP TRIGGER "orders_touch" ON "orders";
-- reverse
CREATE TRIGGER "orders_touch" BEFORE INSERT ON "orders" FOR EACH ROW EXECUTE FUNCTION covet_touch();
