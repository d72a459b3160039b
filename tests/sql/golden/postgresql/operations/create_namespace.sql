-- create_namespace (postgresql)
CREATE SCHEMA "archive";
-- reverse
DROP SCHEMA "archive";
