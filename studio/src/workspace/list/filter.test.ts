import { SCALAR_SHAPE, toApiFilter, type FilterShape } from './filter';

// A deal: `company` and `owner` are relations (to a company without relations, and to users); the rest scalars.
const deal: FilterShape = {
  relation: (field) => (field === 'company' || field === 'owner' ? SCALAR_SHAPE : undefined),
};

describe('toApiFilter: the condition builder’s mongo spelling in the API filter spelling', () => {
  test('no condition is no filter', () => {
    expect(toApiFilter(undefined, deal)).toBeUndefined();
    expect(toApiFilter({}, deal)).toBeUndefined();
  });

  test('a bare value is eq, null is isNull, operators lose their $ and $ne is neq', () => {
    expect(toApiFilter({ stage: 'won' }, deal)).toEqual({ stage: { eq: 'won' } });
    expect(toApiFilter({ closeDate: null }, deal)).toEqual({ closeDate: { isNull: true } });
    expect(toApiFilter({ amount: { $gte: 1000, $lt: 5000 } }, deal)).toEqual({ amount: { gte: 1000, lt: 5000 } });
    expect(toApiFilter({ stage: { $ne: 'lost' } }, deal)).toEqual({ stage: { neq: 'lost' } });
    expect(toApiFilter({ stage: { $in: ['won', 'lost'] } }, deal)).toEqual({ stage: { in: ['won', 'lost'] } });
  });

  test('several fields must all hold: and', () => {
    expect(toApiFilter({ amount: { $gte: 1000 }, stage: 'won' }, deal)).toEqual({
      and: [{ amount: { gte: 1000 } }, { stage: { eq: 'won' } }],
    });
  });

  test('$or, $and and $not become or, and and not', () => {
    expect(toApiFilter({ $or: [{ stage: 'won' }, { amount: { $gte: 5 } }] }, deal)).toEqual({
      or: [{ stage: { eq: 'won' } }, { amount: { gte: 5 } }],
    });
    expect(toApiFilter({ $not: { stage: 'won' } }, deal)).toEqual({ not: { stage: { eq: 'won' } } });
    expect(toApiFilter({ $and: [{ stage: 'won' }] }, deal)).toEqual({ and: [{ stage: { eq: 'won' } }] });
  });

  test('a relation compares the related id through the related filter', () => {
    expect(toApiFilter({ company: 'c1' }, deal)).toEqual({ company: { id: { eq: 'c1' } } });
    expect(toApiFilter({ owner: { $in: ['u1', 'u2'] } }, deal)).toEqual({ owner: { id: { in: ['u1', 'u2'] } } });
    expect(toApiFilter({ company: { $ne: 'c1' } }, deal)).toEqual({ company: { id: { neq: 'c1' } } });
  });

  test('an empty relation is "has no related record", a filled one "has one"', () => {
    expect(toApiFilter({ company: null }, deal)).toEqual({ not: { company: {} } });
    expect(toApiFilter({ company: { $isNull: true } }, deal)).toEqual({ not: { company: {} } });
    expect(toApiFilter({ company: { $isNull: false } }, deal)).toEqual({ company: {} });
  });

  test('a nested condition on the related record is translated with the related shape', () => {
    expect(toApiFilter({ company: { name: { $startsWith: 'A' } } }, deal)).toEqual({
      company: { name: { startsWith: 'A' } },
    });
  });
});
