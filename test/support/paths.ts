import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
/** The Temporal CLI installed by scripts/install-temporal.sh. */
export const TEMPORAL_CLI = path.join(ROOT, '.tools/temporal/bin/temporal');
/** The time-skipping test server installed beside it. */
export const TEMPORAL_TEST_SERVER = path.join(ROOT, '.tools/temporal/bin/temporal-test-server');
/** Where the test stacks write access packages: out of the tree, shared by test runs. */
export const TEST_ACCESS_PACKAGE_DIR = path.join(tmpdir(), 'dsr-test-access-packages');
/** Example stores of kinds the demo does not connect (a processor's webhook, a manual paper archive). */
export const EXAMPLE_STORES_MAP_FILE = path.join(ROOT, 'docs/examples/processor-and-manual.data-map.json');
