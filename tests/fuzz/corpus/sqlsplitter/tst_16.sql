CREATE DEFINER=`root`@`localhost` TRIGGER trg BEFORE INSERT ON t FOR EACH ROW
BEGIN
  IF NEW.a < 0 THEN SET NEW.a = 0; END IF;
  CASE NEW.b WHEN 'x' THEN SET NEW.a = 1; ELSE SET NEW.a = 2; END CASE;
  SET NEW.b = CASE WHEN NEW.a > 1 THEN 'big' ELSE 'small' END;
END;
CREATE TABLE `trigger` (`begin` int, `end` int);
SELECT 1;