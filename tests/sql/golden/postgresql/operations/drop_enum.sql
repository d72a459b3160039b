-- drop_enum (postgresql)
DROP TYPE "mood";
-- reverse
CREATE TYPE "mood" AS ENUM ('happy', 'sad');
