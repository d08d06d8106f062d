// California: the days state offices close (CalHR's list under Gov. Code §§6700-6701),
// used to count CCPA "business days". Days in §6700 on which offices stay open
// (Lincoln's Birthday, Native American Day, Juneteenth and the like) are left out on
// purpose: a missing holiday can only make a business-day deadline earlier, never late.
import type { HolidayCalendarData } from './types';

export const US_CA_HOLIDAYS: HolidayCalendarData = {
  key: 'US-CA',
  name: 'California state holidays (state offices closed)',
  source: 'Cal. Gov. Code §§6700-6701; CalHR state holiday list',
  weekendDays: [0, 6],
  years: {
    2026: {
      holidays: [
        { date: '2026-01-01', name: "New Year's Day" },
        { date: '2026-01-19', name: 'Martin Luther King, Jr. Day' },
        { date: '2026-02-16', name: "Presidents' Day" },
        { date: '2026-03-31', name: 'Cesar Chavez Day' },
        { date: '2026-05-25', name: 'Memorial Day' },
        // July 4 falls on a Saturday: California gives no weekday in its place.
        { date: '2026-07-04', name: 'Independence Day' },
        { date: '2026-09-07', name: 'Labor Day' },
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
        { date: '2027-02-15', name: "Presidents' Day" },
        { date: '2027-03-31', name: 'Cesar Chavez Day' },
        { date: '2027-05-31', name: 'Memorial Day' },
        { date: '2027-07-05', name: 'Independence Day (observed: July 4 is a Sunday)' },
        { date: '2027-09-06', name: 'Labor Day' },
        { date: '2027-11-11', name: 'Veterans Day' },
        { date: '2027-11-25', name: 'Thanksgiving Day' },
        { date: '2027-11-26', name: 'Day after Thanksgiving' },
        // December 25 falls on a Saturday: no weekday in its place.
        { date: '2027-12-25', name: 'Christmas Day' },
      ],
    },
  },
};
