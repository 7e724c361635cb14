import { currenciesOf, managerOf, monthSeries, planVsActual, visibleRows, type Team } from './sales-plan';

const teams: Team[] = [
  { id: 't1', name: 'Tbilisi', leadId: 'lead', memberIds: ['lead', 'ana', 'beka'] },
  { id: 't2', name: 'No lead', leadId: null, memberIds: ['solo'] },
];

describe('sales plan', () => {
  test("a member's manager is their team's lead; a lead and someone in no led team are their own", () => {
    const manager = managerOf(teams);
    expect(['ana', 'beka', 'lead', 'solo', 'stranger'].map(manager)).toEqual([
      'lead',
      'lead',
      'lead',
      'solo',
      'stranger',
    ]);
  });

  test('won amounts and plans roll up to the manager per month and currency', () => {
    const rows = planVsActual(
      [
        { owner: 'ana', month: '2026-10-01', currency: 'USD', amount: 100 },
        { owner: 'beka', month: '2026-10-01', currency: 'USD', amount: 50 },
        { owner: 'lead', month: '2026-11-01', currency: 'USD', amount: 70 },
        { owner: 'ana', month: '2026-11-01', currency: 'EUR', amount: 30 },
        { owner: 'solo', month: '2026-11-01', currency: 'USD', amount: 5 },
      ],
      [
        { manager: 'lead', owner: 'admin', month: '2026-10-01', currency: 'USD', amount: 200 },
        { manager: 'ana', owner: 'admin', month: '2026-11-15', currency: 'USD', amount: 40 },
        { manager: null, owner: 'solo', month: '2026-11-01', currency: 'USD', amount: 10 },
      ],
      teams,
    );
    expect(rows).toEqual([
      { manager: 'lead', month: '2026-10', currency: 'USD', won: 150, plan: 200 },
      { manager: 'lead', month: '2026-11', currency: 'EUR', won: 30, plan: 0 },
      { manager: 'lead', month: '2026-11', currency: 'USD', won: 70, plan: 40 },
      { manager: 'solo', month: '2026-11', currency: 'USD', won: 5, plan: 10 },
    ]);
    expect(monthSeries(rows, 'USD')).toEqual([
      { month: '2026-10', won: 150, plan: 200 },
      { month: '2026-11', won: 75, plan: 50 },
    ]);
    expect(monthSeries(rows, 'USD', 'solo')).toEqual([{ month: '2026-11', won: 5, plan: 10 }]);
    expect(currenciesOf(rows)).toEqual(['USD', 'EUR']);
  });

  test('months keeps the period only', () => {
    const rows = planVsActual(
      [{ owner: 'ana', month: '2026-09-01', currency: 'USD', amount: 1 }],
      [{ manager: 'ana', owner: null, month: '2026-10-01', currency: 'USD', amount: 2 }],
      [],
      ['2026-10'],
    );
    expect(rows).toEqual([{ manager: 'ana', month: '2026-10', currency: 'USD', won: 0, plan: 2 }]);
  });

  test("someone who cannot see everything keeps their own manager's rows and those they see wins of", () => {
    const rows = [
      { manager: 'lead', month: '2026-10', currency: 'USD', won: 0, plan: 100 },
      { manager: 'other', month: '2026-10', currency: 'USD', won: 0, plan: 100 },
      { manager: 'solo', month: '2026-10', currency: 'USD', won: 5, plan: 0 },
    ];
    const managers = (viewer: Parameters<typeof visibleRows>[2]) =>
      visibleRows(rows, teams, viewer).map((r) => r.manager);
    expect(managers({ me: 'ana', seesAll: false, mineOnly: false })).toEqual(['lead', 'solo']);
    expect(managers({ me: 'ana', seesAll: true, mineOnly: false })).toEqual(['lead', 'other', 'solo']);
    expect(managers({ me: 'ana', seesAll: true, mineOnly: true })).toEqual(['lead']);
  });
});
