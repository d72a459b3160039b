-- create_enum (postgresql)
CREATE TYPE "level" AS ENUM ('low', 'it''s high');
-- reverse
DROP TYPE "level";
