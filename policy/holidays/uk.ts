// England and Wales bank holidays, with the weekday substitutes for holidays that fall
// on a weekend (those substitutes are the days offices actually close).
import type { HolidayCalendarData } from './types';

export const UK_HOLIDAYS: HolidayCalendarData = {
  key: 'UK',
  name: 'England and Wales bank holidays',
  source: 'Banking and Financial Dealings Act 1971 Sch 1 and royal proclamations, as listed on gov.uk/bank-holidays',
  weekendDays: [0, 6],
  years: {
    2026: {
      holidays: [
        { date: '2026-01-01', name: "New Year's Day" },
        { date: '2026-04-03', name: 'Good Friday' },
        { date: '2026-04-06', name: 'Easter Monday' },
        { date: '2026-05-04', name: 'Early May bank holiday' },
        { date: '2026-05-25', name: 'Spring bank holiday' },
        { date: '2026-08-31', name: 'Summer bank holiday' },
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
      ],
    },
    2027: {
      holidays: [
        { date: '2027-01-01', name: "New Year's Day" },
        { date: '2027-03-26', name: 'Good Friday' },
        { date: '2027-03-29', name: 'Easter Monday' },
        { date: '2027-05-03', name: 'Early May bank holiday' },
        { date: '2027-05-31', name: 'Spring bank holiday' },
        { date: '2027-08-30', name: 'Summer bank holiday' },
        { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
        { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
      ],
    },
  },
};
