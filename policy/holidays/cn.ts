// Mainland China: the State Council's holiday arrangement, including the adjusted
// working weekends (调休) that make up for the long breaks.
import { type HolidayCalendarData, holidayRange } from './types';

export const CN_HOLIDAYS: HolidayCalendarData = {
  key: 'CN',
  name: 'Mainland China (State Council arrangement)',
  source:
    '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号); 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04); 全国年节及纪念日放假办法 (2024 revision) for the 2027 forecast',
  weekendDays: [0, 6],
  years: {
    // 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号).
    2025: {
      holidays: [
        { date: '2025-01-01', name: "New Year's Day 元旦" },
        ...holidayRange('2025-01-28', '2025-02-04', 'Spring Festival 春节'),
        ...holidayRange('2025-04-04', '2025-04-06', 'Qingming 清明节'),
        ...holidayRange('2025-05-01', '2025-05-05', 'Labour Day 劳动节'),
        ...holidayRange('2025-05-31', '2025-06-02', 'Dragon Boat Festival 端午节'),
        ...holidayRange('2025-10-01', '2025-10-08', 'National Day and Mid-Autumn Festival 国庆节、中秋节'),
      ],
      adjustedWorkingDays: [
        { date: '2025-01-26', name: 'Working Sunday for Spring Festival 春节调休上班' },
        { date: '2025-02-08', name: 'Working Saturday for Spring Festival 春节调休上班' },
        { date: '2025-04-27', name: 'Working Sunday for Labour Day 劳动节调休上班' },
        { date: '2025-09-28', name: 'Working Sunday for National Day 国庆节调休上班' },
        { date: '2025-10-11', name: 'Working Saturday for National Day 国庆节调休上班' },
      ],
    },
    2026: {
      holidays: [
        ...holidayRange('2026-01-01', '2026-01-03', "New Year's Day 元旦"),
        ...holidayRange('2026-02-15', '2026-02-23', 'Spring Festival 春节'),
        ...holidayRange('2026-04-04', '2026-04-06', 'Qingming 清明节'),
        ...holidayRange('2026-05-01', '2026-05-05', 'Labour Day 劳动节'),
        ...holidayRange('2026-06-19', '2026-06-21', 'Dragon Boat Festival 端午节'),
        ...holidayRange('2026-09-25', '2026-09-27', 'Mid-Autumn Festival 中秋节'),
        ...holidayRange('2026-10-01', '2026-10-07', 'National Day 国庆节'),
      ],
      adjustedWorkingDays: [
        { date: '2026-01-04', name: "Working Sunday for New Year's Day 元旦调休上班" },
        { date: '2026-02-14', name: 'Working Saturday for Spring Festival 春节调休上班' },
        { date: '2026-02-28', name: 'Working Saturday for Spring Festival 春节调休上班' },
        { date: '2026-05-09', name: 'Working Saturday for Labour Day 劳动节调休上班' },
        { date: '2026-09-20', name: 'Working Sunday for National Day 国庆节调休上班' },
        { date: '2026-10-10', name: 'Working Saturday for National Day 国庆节调休上班' },
      ],
    },
    2027: {
      // Statutory days plus the weekday substitutes owed when one falls on a weekend.
      // The real arrangement (published each November) usually lengthens the breaks and
      // adds working weekends; replace this year with it as soon as it is out.
      provisional:
        'Forecast from the statutory holidays until the State Council publishes the 2027 arrangement; no adjusted working weekends yet.',
      holidays: [
        { date: '2027-01-01', name: "New Year's Day 元旦" },
        ...holidayRange('2027-02-05', '2027-02-10', 'Spring Festival 春节 (provisional)'),
        { date: '2027-04-05', name: 'Qingming 清明节 (provisional)' },
        ...holidayRange('2027-05-01', '2027-05-04', 'Labour Day 劳动节 (provisional)'),
        { date: '2027-06-09', name: 'Dragon Boat Festival 端午节 (provisional)' },
        { date: '2027-09-15', name: 'Mid-Autumn Festival 中秋节 (provisional)' },
        ...holidayRange('2027-10-01', '2027-10-05', 'National Day 国庆节 (provisional)'),
      ],
      adjustedWorkingDays: [],
    },
  },
};
