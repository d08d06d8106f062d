import { DataMapError, validateDataMap } from '../../stores/data-map/validate';

/** The problems a data-map text is refused with; fails the test if the map is accepted. */
export function problemsOf(text: string): string[] {
  try {
    validateDataMap(text);
  } catch (err) {
    if (err instanceof DataMapError) return err.problems;
    throw err;
  }
  throw new Error('the map was accepted');
}
