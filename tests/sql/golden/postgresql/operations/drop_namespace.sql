-- drop_namespace (postgresql)
DROP SCHEMA "legacy";
-- reverse
CREATE SCHEMA "legacy";
