// A declared SQL store over Chinook in MariaDB (the MySQL dialect; CamelCase tables), from the example map alone.
import { chinookCases } from '../support/chinook-cases';
import { MYSQL_NAMES } from '../support/chinook';

describe('declared SQL store: Chinook in MariaDB (mysql dialect)', () => chinookCases(MYSQL_NAMES, 'CHINOOK_MYSQL_URL'));
