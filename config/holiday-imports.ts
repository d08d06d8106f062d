// China's State Council holiday arrangement (days off and adjusted working weekends), which
// no rule computes: the deployer imports each year's list when it is published
// (`npm run holidays -- import-cn FILE`), and it is kept as config/holidays/cn/<year>.json,
// reviewed and committed like any other configuration. Read at each computation, so an
// import counts from the next due date computed, without a restart.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Establishment, establishmentOf, type Holiday, type HolidayYear, dayOfWeek, holidayCalendarFor, parseCivilDate, regionKey, yearOf } from '../policy';
import { type ControllerProfile, offerFor } from './controller-profile';

export const DEFAULT_HOLIDAY_DATA_DIR = 'config/holidays';

/** HOLIDAY_DATA_DIR, or config/holidays. */
export function holidayDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.HOLIDAY_DATA_DIR || DEFAULT_HOLIDAY_DATA_DIR;
}

/** An imported year as stored: the arrangement and where it comes from. */
export interface ArrangementFile extends HolidayYear {
  year: number;
  source: string;
}

/** The imported arrangements of a region ('CN'), by year; none when the folder is absent. */
export function importedYears(dir: string, region = 'CN'): Record<number, HolidayYear> {
  const folder = path.join(dir, region.toLowerCase());
  if (!existsSync(folder)) return {};
  const years: Record<number, HolidayYear> = {};
  for (const name of readdirSync(folder).filter((n) => /^\d{4}\.json$/.test(n))) {
    const file = JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as ArrangementFile;
    years[file.year] = { holidays: file.holidays, adjustedWorkingDays: file.adjustedWorkingDays ?? [] };
  }
  return years;
}

/** The establishment a profile names for a regime, its calendar with the imported arrangements. */
export function establishmentFor(profile: ControllerProfile, regime: string, dir: string): Establishment {
  const spec = offerFor(profile, regime).establishment;
  return establishmentOf(spec, importedYears(dir, regionKey(spec.holidays)));
}

/**
 * Reads an arrangement to import: JSON `{ "year"?, "source"?, "holidays": [...], "workingDays": [...] }`
 * (each entry 'YYYY-MM-DD' or `{ "date", "name" }`), or CSV lines `date,holiday|workday[,name]`.
 * Checks every date is real, in one year, listed once, and every working day a weekend day.
 */
export function parseArrangement(text: string, fileName: string): ArrangementFile {
  const holidays: Holiday[] = [];
  const workdays: Holiday[] = [];
  let source = `imported from ${path.basename(fileName)}`;
  if (fileName.toLowerCase().endsWith('.csv')) {
    for (const [i, line] of text.split(/\r?\n/).entries()) {
      const [date = '', kind = '', ...name] = line.split(',').map((c) => c.trim());
      if (!date || date.startsWith('#') || date === 'date') continue;
      const entry = { date, name: name.join(',') || (kind === 'workday' ? '调休上班 adjusted working day' : '放假 holiday') };
      if (kind === 'holiday') holidays.push(entry);
      else if (kind === 'workday') workdays.push(entry);
      else throw new Error(`Line ${i + 1}: the second column must be 'holiday' or 'workday', got '${kind}'.`);
    }
  } else {
    const json = JSON.parse(text) as { source?: string; holidays?: unknown[]; workingDays?: unknown[] };
    if (json.source) source = json.source;
    const entry = (e: unknown, fallback: string): Holiday => (typeof e === 'string' ? { date: e, name: fallback } : (e as Holiday));
    holidays.push(...(json.holidays ?? []).map((e) => entry(e, '放假 holiday')));
    workdays.push(...(json.workingDays ?? []).map((e) => entry(e, '调休上班 adjusted working day')));
  }
  const all = [...holidays, ...workdays];
  if (holidays.length === 0) throw new Error('The arrangement lists no holiday.');
  for (const h of all) parseCivilDate(h.date);
  const years = new Set(all.map((h) => yearOf(h.date)));
  if (years.size !== 1) throw new Error(`The arrangement must cover one year, got ${[...years].join(', ')}.`);
  if (new Set(all.map((h) => h.date)).size !== all.length) throw new Error('A date is listed twice.');
  for (const w of workdays) if (![0, 6].includes(dayOfWeek(w.date))) throw new Error(`${w.date} is a working day already: an adjusted working day must be a Saturday or Sunday.`);
  const sort = (list: Holiday[]) => [...list].sort((a, b) => a.date.localeCompare(b.date));
  return { year: [...years][0]!, source, holidays: sort(holidays), adjustedWorkingDays: sort(workdays) };
}

/** Stores an arrangement as <dir>/cn/<year>.json (replacing that year); returns the file written. */
export function storeArrangement(dir: string, arrangement: ArrangementFile, region = 'CN'): string {
  const folder = path.join(dir, region.toLowerCase());
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${arrangement.year}.json`);
  writeFileSync(file, `${JSON.stringify(arrangement, null, 2)}\n`);
  return file;
}

/** The entries of a request's holiday warning ('missing: CN 2028, CN 2029') that the data still lacks. */
export function stillMissing(warning: string | null, dir: string): string[] {
  if (!warning) return [];
  return warning
    .replace(/^missing:\s*/, '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => {
      const match = /^(\S+) (\d{4})$/.exec(entry);
      if (!match) return true;
      const [country = '', subdivision] = match[1]!.split('-');
      return !holidayCalendarFor({ country, subdivision }, importedYears(dir, match[1]!)).covers(Number(match[2]));
    });
}
