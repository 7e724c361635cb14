import { generatedEmail, planPeopleImport } from './people-import-plan';

const NOBODY = { members: [], globalUsers: [], teams: [] };

describe('generatedEmail', () => {
  it('is firstname.lastname in lowercase ASCII, diacritics stripped', () => {
    expect(generatedEmail('José María Núñez', 'example.com')).toBe('jose.nunez@example.com');
    expect(generatedEmail('Mei-Mei Johns', 'example.com')).toBe('mei-mei.johns@example.com');
    expect(generatedEmail("Conan O'Brien", 'example.com')).toBe('conan.obrien@example.com');
    expect(generatedEmail('Madonna', 'example.com')).toBe('madonna@example.com');
    expect(generatedEmail('Анна Иванова', 'example.com')).toBeNull();
  });
});

describe('planPeopleImport', () => {
  it('creates a manager named only in the manager column and gives them a team of the rows naming them', () => {
    const plan = planPeopleImport(
      [
        { name: 'Anna Snelling', manager: 'Dustin Brinkmann' },
        { name: 'Cecily Lampkin', manager: 'dustin brinkmann ' },
      ],
      { emailDomain: 'maven.example', roles: ['manager'], managerRoles: ['head'] },
      ['manager', 'head'],
      NOBODY,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.people.map((p) => [p.email, p.roles])).toEqual([
      ['anna.snelling@maven.example', ['manager']],
      ['cecily.lampkin@maven.example', ['manager']],
      ['dustin.brinkmann@maven.example', ['manager', 'head']],
    ]);
    expect(plan.teams).toEqual([
      {
        name: "Dustin Brinkmann's team",
        id: undefined,
        leadEmail: 'dustin.brinkmann@maven.example',
        memberEmails: ['anna.snelling@maven.example', 'cecily.lampkin@maven.example'],
      },
    ]);
  });

  it('keeps members, matches a made email to a member of the same name, refuses one of another name', () => {
    const known = {
      members: [
        { id: 'u1', email: 'anna.snelling@maven.example', name: 'Anna Snelling' },
        { id: 'u2', email: 'carl.lin@maven.example', name: 'Carlos Lindqvist' },
      ],
      globalUsers: [],
      teams: [{ id: 't1', name: "Anna Snelling's team", leadId: 'u1' }],
    };
    const plan = planPeopleImport(
      [{ name: 'Anna Snelling' }, { name: 'Carl Lin' }, { name: 'Zane Levy', manager: 'anna.snelling@maven.example' }],
      { emailDomain: 'maven.example' },
      [],
      known,
    );
    expect(plan.existing).toEqual(['anna.snelling@maven.example']);
    expect(plan.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'name', code: 'DUPLICATE', value: 'Carl Lin' }),
    ]);
    expect(plan.teams).toEqual([expect.objectContaining({ id: 't1', memberEmails: ['zane.levy@maven.example'] })]);
  });
});
