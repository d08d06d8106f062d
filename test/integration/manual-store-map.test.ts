// Manual stores in the data map: an entry of kind "manual" needs instructions for the person
// and no connector in the code; it takes part only when MANUAL_STORES names it. The example
// paper archive lives in docs/examples, outside the demo map.
import { readFileSync } from 'node:fs';
import { DEFAULT_DATA_MAP_FILE, validateDataMap } from '../../stores/data-map/validate';
import { isManualStore, manualStoresFromMap } from '../../stores/manual-store';
import { problemsOf } from '../support/data-map-problems';
import { EXAMPLE_STORES_MAP_FILE } from '../support/paths';

const shipped = readFileSync(DEFAULT_DATA_MAP_FILE, 'utf8');
const example = readFileSync(EXAMPLE_STORES_MAP_FILE, 'utf8');
const ENTRY = `"paper-archive": {`;

/** The example map with the paper-archive entry's given field replaced. */
function withField(field: string, to: string): string {
  const start = example.indexOf(ENTRY);
  const line = example.slice(start).split('\n').find((l) => l.trimStart().startsWith(`"${field}"`))!;
  return example.slice(0, start) + example.slice(start).replace(line, to);
}

describe('manual stores in the data map', () => {
  test('when the example map is read, then the paper archive is a manual store with its instructions', () => {
    const entry = validateDataMap(example).stores.find((s) => s.name === 'paper-archive');
    expect(entry).toMatchObject({ kind: 'manual', connection: 'MANUAL_STORES', categories: [{ name: 'paper-contract', erase: 'delete', corrections: true }] });
    expect(entry?.instructions).toMatch(/archive room B/);
  });

  test('when a manual store has no instructions or another connection, then each fault names its line', () => {
    expect(problemsOf(withField('instructions', '      "instructions": "see",'))).toEqual([
      expect.stringMatching(/line \d+: store "paper-archive" is a manual store and needs "instructions" for the person who works it/),
    ]);
    expect(problemsOf(withField('connection', '      "connection": "PAPER_URL",'))).toEqual([
      expect.stringMatching(/line \d+: store "paper-archive" is a manual store, connected by MANUAL_STORES, not "PAPER_URL"/),
    ]);
  });

  test('when a store of another kind carries instructions, then it is refused', () => {
    const text = shipped.replace('"kind": "redis",', '"kind": "redis",\n      "instructions": "Ask the sign-in team.",');
    expect(problemsOf(text)).toEqual([expect.stringMatching(/store "redis-sessions" has "instructions", which only stores of kind "manual" take/)]);
  });

  test('when MANUAL_STORES names stores, then only the map\'s manual stores of those names are built, and an unknown name stops the start', () => {
    const map = { stores: [...validateDataMap(shipped).stores, ...validateDataMap(example).stores] };
    expect(manualStoresFromMap(map, [])).toEqual([]);
    const [paper] = manualStoresFromMap(map, ['paper-archive']);
    expect(paper && isManualStore(paper) && paper.instructions).toMatch(/archive room B/);
    expect(paper?.categories).toEqual(['paper-contract']);
    expect(() => manualStoresFromMap(map, ['files'])).toThrow('MANUAL_STORES names "files", which the data map does not describe as a store of kind "manual".');
  });

  test('when the engine tries to work a manual store, then it refuses without personal data, so fulfilment plans it for a person', async () => {
    const [paper] = manualStoresFromMap(validateDataMap(example), ['paper-archive']);
    const subject = { subjectId: 'x', email: 'li.wei@example.com' };
    await expect(paper!.locate(subject)).rejects.toThrow('Store paper-archive is worked by a person: complete its manual task in the console.');
    await expect(paper!.erase(subject, async () => null)).rejects.toThrow(/worked by a person/);
    await expect(paper!.exportStream(subject)[Symbol.asyncIterator]().next()).rejects.toThrow(/worked by a person/);
  });
});
