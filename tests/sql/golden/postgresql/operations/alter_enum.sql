-- alter_enum (postgresql)
ALTER TYPE "mood" ADD VALUE 'ok' BEFORE 'sad';
ALTER TYPE "mood" ADD VALUE 'angry';
-- reverse: operation 1 (alter_enum): PostgreSQL cannot remove value 'ok' from enum type mood; create a new type and convert the columns
