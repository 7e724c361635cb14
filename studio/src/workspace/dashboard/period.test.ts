import { countsByMonth, optionCounts } from './option-counts';
import { dayOf, monthsOf, ownerCondition, periodRange, recordsFilter } from './period';

const now = new Date(2026, 11, 1, 15, 30); // 1 December 2026, local time

describe('periods and filters', () => {
  test('this month, quarter and year are local calendar ranges; all time has none', () => {
    const day = (p: 'month' | 'quarter' | 'year') => {
      const r = periodRange(p, now)!;
      return [dayOf(r.start), dayOf(r.end)];
    };
    expect(day('month')).toEqual(['2026-12-01', '2027-01-01']);
    expect(day('quarter')).toEqual(['2026-10-01', '2027-01-01']);
    expect(day('year')).toEqual(['2026-01-01', '2027-01-01']);
    expect(periodRange('all', now)).toBeNull();
    expect(monthsOf(periodRange('quarter', now)!)).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  test('the filter bounds a date field by days, a date-time by instants, and keeps my records', () => {
    const range = periodRange('month', now)!;
    expect(
      recordsFilter({
        range,
        dateField: { name: 'closeDate', type: 'date' },
        owner: 'me',
        me: 'u1',
        extra: [{ stage: { in: ['won'] } }],
      }),
    ).toEqual({
      and: [
        { stage: { in: ['won'] } },
        { closeDate: { gte: '2026-12-01', lt: '2027-01-01' } },
        { owner: { id: { eq: 'u1' } } },
      ],
    });
    expect(
      recordsFilter({ range, dateField: { name: 'createdAt', type: 'datetime' }, owner: 'everyone', me: 'u1' }),
    ).toEqual({
      and: [{ createdAt: { gte: range.start.toISOString(), lt: range.end.toISOString() } }],
    });
    expect(recordsFilter({ range: null, owner: 'everyone', me: 'u1' })).toBeUndefined();
    expect(ownerCondition('me', 'u1')).toEqual({ owner: 'u1' });
    expect(ownerCondition('everyone', 'u1')).toBeUndefined();
  });

  test('option counts follow the option order, with zeros, then unknown values, then none', () => {
    const groups = [
      { key: { source: 'event' }, count: 1 },
      { key: { source: null }, count: 2 },
      { key: { source: 'fax' }, count: 1 },
      { key: { source: 'website' }, count: 4 },
    ];
    expect(optionCounts(['website', 'referral', 'event'], groups, 'source')).toEqual([
      { value: 'website', count: 4, share: 0.5 },
      { value: 'referral', count: 0, share: 0 },
      { value: 'event', count: 1, share: 0.125 },
      { value: 'fax', count: 1, share: 0.125 },
      { value: null, count: 2, share: 0.25 },
    ]);
    expect(
      countsByMonth(
        [
          { key: { createdAt: '2026-11-01' }, count: 3 },
          { key: { createdAt: '2026-10-01' }, count: 1 },
        ],
        'createdAt',
      ),
    ).toEqual([
      { month: '2026-10', count: 1 },
      { month: '2026-11', count: 3 },
    ]);
  });
});
