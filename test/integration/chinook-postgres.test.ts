// A declared SQL store over Chinook in PostgreSQL (snake_case tables), from the example map alone.
import { chinookCases } from '../support/chinook-cases';
import { POSTGRES_NAMES } from '../support/chinook';

describe('declared SQL store: Chinook in PostgreSQL', () => chinookCases(POSTGRES_NAMES, 'CHINOOK_POSTGRES_URL'));
