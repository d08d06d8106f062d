// Belgium's ten statutory public holidays, the checked list for an establishment in Belgium
// (GDPR periods count the public holidays of the Member State where the act is to be done,
// Regulation 1182/71 art 2(1)). Regional days such as the Brussels Region's Iris Day (8 May)
// close only regional offices: left out. Other years come from date-holidays' rules.
import type { HolidayCalendarData } from './types';

export const EU_HOLIDAYS: HolidayCalendarData = {
  key: 'EU',
  name: 'Belgium (public holidays)',
  source: 'Belgium: Loi du 4 janvier 1974 relative aux jours fériés; Arrêté royal du 18 avril 1974',
  weekendDays: [0, 6],
  years: {
    2026: {
      holidays: [
        { date: '2026-01-01', name: "New Year's Day" },
        { date: '2026-04-06', name: 'Easter Monday' },
        { date: '2026-05-01', name: 'Labour Day' },
        { date: '2026-05-14', name: 'Ascension Day' },
        { date: '2026-05-25', name: 'Whit Monday' },
        { date: '2026-07-21', name: 'Belgian National Day' },
        { date: '2026-08-15', name: 'Assumption Day' },
        { date: '2026-11-01', name: "All Saints' Day" },
        { date: '2026-11-11', name: 'Armistice Day' },
        { date: '2026-12-25', name: 'Christmas Day' },
      ],
    },
    2027: {
      holidays: [
        { date: '2027-01-01', name: "New Year's Day" },
        { date: '2027-03-29', name: 'Easter Monday' },
        { date: '2027-05-01', name: 'Labour Day' },
        { date: '2027-05-06', name: 'Ascension Day' },
        { date: '2027-05-17', name: 'Whit Monday' },
        { date: '2027-07-21', name: 'Belgian National Day' },
        { date: '2027-08-15', name: 'Assumption Day' },
        { date: '2027-11-01', name: "All Saints' Day" },
        { date: '2027-11-11', name: 'Armistice Day' },
        { date: '2027-12-25', name: 'Christmas Day' },
      ],
    },
  },
};
