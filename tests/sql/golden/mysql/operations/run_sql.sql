-- run_sql (mysql)
UPDATE orders SET qty = qty + 1;
UPDATE orders SET qty = qty - 1;
-- reverse: the run_sql operation has no reverse SQL, so it cannot be reversed; add reverse SQL to it or write the reverse migration by hand
