// Virginia legal holidays (Va. Code §2.2-3300), with its rule that a holiday on a
// Saturday is kept the Friday before and one on a Sunday the Monday after.
import type { HolidayCalendarData } from './types';

export const US_VA_HOLIDAYS: HolidayCalendarData = {
  key: 'US-VA',
  name: 'Virginia legal holidays',
  source: 'Va. Code §2.2-3300',
  weekendDays: [0, 6],
  years: {
    2026: {
      holidays: [
        { date: '2026-01-01', name: "New Year's Day" },
        { date: '2026-01-19', name: 'Martin Luther King, Jr. Day' },
        { date: '2026-02-16', name: 'George Washington Day' },
        { date: '2026-05-25', name: 'Memorial Day' },
        { date: '2026-06-19', name: 'Juneteenth' },
        { date: '2026-07-03', name: 'Independence Day (observed: July 4 is a Saturday)' },
        { date: '2026-09-07', name: 'Labor Day' },
        { date: '2026-10-12', name: 'Columbus Day and Yorktown Victory Day' },
        { date: '2026-11-03', name: 'Election Day' },
        { date: '2026-11-11', name: 'Veterans Day' },
        { date: '2026-11-26', name: 'Thanksgiving Day' },
        { date: '2026-11-27', name: 'Day after Thanksgiving' },
        { date: '2026-12-25', name: 'Christmas Day' },
      ],
    },
    2027: {
      holidays: [
        { date: '2027-01-01', name: "New Year's Day" },
        { date: '2027-01-18', name: 'Martin Luther King, Jr. Day' },
        { date: '2027-02-15', name: 'George Washington Day' },
        { date: '2027-05-31', name: 'Memorial Day' },
        { date: '2027-06-18', name: 'Juneteenth (observed: June 19 is a Saturday)' },
        { date: '2027-07-05', name: 'Independence Day (observed: July 4 is a Sunday)' },
        { date: '2027-09-06', name: 'Labor Day' },
        { date: '2027-10-11', name: 'Columbus Day and Yorktown Victory Day' },
        { date: '2027-11-02', name: 'Election Day' },
        { date: '2027-11-11', name: 'Veterans Day' },
        { date: '2027-11-25', name: 'Thanksgiving Day' },
        { date: '2027-11-26', name: 'Day after Thanksgiving' },
        { date: '2027-12-24', name: 'Christmas Day (observed: December 25 is a Saturday)' },
        { date: '2027-12-31', name: "New Year's Day 2028 (observed: January 1 is a Saturday)" },
      ],
    },
  },
};
