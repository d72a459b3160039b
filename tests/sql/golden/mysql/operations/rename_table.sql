-- rename_table (mysql)
RENAME TABLE `customers` TO `clients`;
-- reverse
RENAME TABLE `clients` TO `customers`;
