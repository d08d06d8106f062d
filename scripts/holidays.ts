// `npm run holidays -- import-cn FILE`: imports a year of China's State Council holiday
// arrangement (JSON or CSV, see config/holiday-imports.ts) into config/holidays/cn/<year>.json
// (or HOLIDAY_DATA_DIR). Due dates computed from then on use it; open requests that were
// counted without it keep their warning until their due date is next recomputed.
import { readFileSync } from 'node:fs';
import { holidayDataDir, parseArrangement, storeArrangement } from '../config/holiday-imports';

function main(argv: string[]): number {
  const [command, file] = argv;
  if (command !== 'import-cn' || !file) {
    console.error('Usage: npm run holidays -- import-cn FILE   (FILE: .json or .csv, see docs/production.md)');
    return 2;
  }
  const arrangement = parseArrangement(readFileSync(file, 'utf8'), file);
  const written = storeArrangement(holidayDataDir(), arrangement);
  console.log(`CN ${arrangement.year}: ${arrangement.holidays.length} days off, ${arrangement.adjustedWorkingDays?.length ?? 0} adjusted working days -> ${written}`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(`Import refused: ${(err as Error).message}`);
  process.exitCode = 1;
}
