// Brazil's national (federal) holidays. Good Friday, Carnival and Corpus Christi are
// municipal holidays or optional days (ponto facultativo), so they are left out: a
// missing holiday can only make a deadline earlier, never late.
import type { HolidayCalendarData } from './types';

const NATIONAL_DAYS: ReadonlyArray<readonly [string, string]> = [
  ['01-01', 'Confraternização Universal'],
  ['04-21', 'Tiradentes'],
  ['05-01', 'Dia do Trabalho'],
  ['09-07', 'Independência do Brasil'],
  ['10-12', 'Nossa Senhora Aparecida'],
  ['11-02', 'Finados'],
  ['11-15', 'Proclamação da República'],
  ['11-20', 'Dia Nacional de Zumbi e da Consciência Negra'],
  ['12-25', 'Natal'],
];

function nationalHolidays(year: number) {
  return NATIONAL_DAYS.map(([monthDay, name]) => ({ date: `${year}-${monthDay}`, name }));
}

export const BR_HOLIDAYS: HolidayCalendarData = {
  key: 'BR',
  name: 'Brazil national holidays',
  source: 'Lei 662/1949 (as amended by Lei 10.607/2002), Lei 6.802/1980, Lei 14.759/2023',
  weekendDays: [0, 6],
  years: {
    2026: { holidays: nationalHolidays(2026) },
    2027: { holidays: nationalHolidays(2027) },
  },
};
