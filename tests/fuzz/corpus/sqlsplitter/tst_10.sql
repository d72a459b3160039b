-- first; not a statement
SELECT 1 /* a; b
 c; */ + 2;
/* leading; */ SELECT 3; -- trailing;
