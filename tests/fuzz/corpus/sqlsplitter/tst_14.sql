CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  NEW.x := 'a;$$b';
  RETURN NEW;
END
$body$;
CREATE FUNCTION g() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
SELECT $1, a$b$c FROM t;