INSERT INTO t VALUES ('a;b', 'it''s; fine');
CREATE TABLE "x;y" ("a""; b" int);
SELECT 2