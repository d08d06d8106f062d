// Québec: the holidays of the Interpretation Act (CQLR c I-16, s.61(23)), which governs
// time limits in Québec statutes, with the Journée nationale des patriotes in place of
// the Sovereign's birthday, as the Act respecting labour standards s.60 lists it.
import type { HolidayCalendarData } from './types';

export const CA_QC_HOLIDAYS: HolidayCalendarData = {
  key: 'CA-QC',
  name: 'Québec public holidays',
  source: 'Interpretation Act (CQLR c I-16) s.61(23); Act respecting labour standards (CQLR c N-1.1) s.60; National Holiday Act',
  weekendDays: [0, 6],
  years: {
    2026: {
      holidays: [
        { date: '2026-01-01', name: "New Year's Day / Jour de l'An" },
        { date: '2026-04-03', name: 'Good Friday / Vendredi saint' },
        { date: '2026-04-06', name: 'Easter Monday / Lundi de Pâques' },
        { date: '2026-05-18', name: 'National Patriots’ Day / Journée nationale des patriotes' },
        { date: '2026-06-24', name: 'Fête nationale du Québec' },
        { date: '2026-07-01', name: 'Canada Day / Fête du Canada' },
        { date: '2026-09-07', name: 'Labour Day / Fête du Travail' },
        { date: '2026-10-12', name: 'Thanksgiving / Action de grâce' },
        { date: '2026-12-25', name: 'Christmas Day / Noël' },
      ],
    },
    2027: {
      holidays: [
        { date: '2027-01-01', name: "New Year's Day / Jour de l'An" },
        { date: '2027-03-26', name: 'Good Friday / Vendredi saint' },
        { date: '2027-03-29', name: 'Easter Monday / Lundi de Pâques' },
        { date: '2027-05-24', name: 'National Patriots’ Day / Journée nationale des patriotes' },
        { date: '2027-06-24', name: 'Fête nationale du Québec' },
        { date: '2027-07-01', name: 'Canada Day / Fête du Canada' },
        { date: '2027-09-06', name: 'Labour Day / Fête du Travail' },
        { date: '2027-10-11', name: 'Thanksgiving / Action de grâce' },
        { date: '2027-12-25', name: 'Christmas Day / Noël' },
      ],
    },
  },
};
