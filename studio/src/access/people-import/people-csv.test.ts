import { autoMapPeople, personRows } from './people-csv';

describe('autoMapPeople', () => {
  it('matches the usual headers of people exports, each target once', () => {
    expect(autoMapPeople(['sales_agent', 'manager', 'regional_office'])).toEqual(['name', 'manager', undefined]);
    expect(autoMapPeople(['Full name', 'E-mail', 'Reports to', 'Department', 'Roles'])).toEqual([
      'name',
      'email',
      'manager',
      'team',
      'roles',
    ]);
    expect(autoMapPeople(['Name', 'Agent', 'Имя'])).toEqual(['name', undefined, undefined]);
  });
});

describe('personRows', () => {
  it('sends the mapped cells trimmed, splits roles and reads role labels as names', () => {
    const file = {
      header: ['n', 'r', 'x'],
      rows: [
        [' Anna ', 'Sales manager; head', 'Central'],
        ['', '', ''],
      ],
    };
    const roles = new Map([
      ['salesmanager', 'manager'],
      ['head', 'head'],
    ]);
    expect(personRows(file, ['name', 'roles', undefined], roles)).toEqual([
      { name: 'Anna', roles: ['manager', 'head'] },
      {},
    ]);
  });
});
