import type { WorkspaceField, WorkspaceObject } from '../record-api';
import type { WorkspacePipeline } from '../use-workspace-model';
import { amountFieldOf, choosePipeline, closingStages, openStages, stageTotals, totalsGroupBy } from './board-model';

const stage = (name: string, probability: number, end: Partial<{ won: boolean; lost: boolean }> = {}) => ({
  name,
  label: name,
  probability,
  won: end.won ?? false,
  lost: end.lost ?? false,
  color: null,
});
const pipeline: WorkspacePipeline = {
  object: 'deal',
  field: 'stage',
  label: 'Sales',
  stages: [stage('new', 10), stage('proposal', 50), stage('won', 100, { won: true }), stage('lost', 0, { lost: true })],
};
const field = (name: string, type: string, graphqlType: string | null = 'Float'): WorkspaceField => ({
  name,
  label: name,
  type,
  required: false,
  system: false,
  settings: {},
  jsonSchema: {},
  graphqlType,
});
const object = (fields: WorkspaceField[]) => ({ name: 'deal', fields }) as unknown as WorkspaceObject;

describe('the board model', () => {
  test('open stages are columns in order; won and lost are closing zones', () => {
    expect(openStages(pipeline).map((s) => s.name)).toEqual(['new', 'proposal']);
    expect(closingStages(pipeline).map((s) => s.name)).toEqual(['won', 'lost']);
  });

  test('?field= chooses among the pipelines of the object, the first by default', () => {
    const other = { ...pipeline, field: 'phase' };
    expect(choosePipeline([pipeline, other], 'deal', 'phase').chosen).toBe(other);
    expect(choosePipeline([pipeline, other], 'deal', null).chosen).toBe(pipeline);
    expect(choosePipeline([pipeline, other], 'lead', null)).toEqual({ all: [], chosen: undefined });
  });

  test('the amount is the first readable currency field, else the first number field', () => {
    const amount = field('amount', 'currency', 'Currency');
    expect(amountFieldOf(object([field('score', 'number'), amount]))).toBe(amount);
    expect(amountFieldOf(object([field('hidden', 'currency', null), field('score', 'number')]))?.name).toBe('score');
    expect(amountFieldOf(object([field('name', 'text', 'String')]))).toBeUndefined();
  });

  test('totals: counts over currencies, sums per currency (never added across), weighted by the probability', () => {
    const amount = field('amount', 'currency', 'Currency');
    expect(totalsGroupBy(pipeline, amount)).toEqual([{ field: 'stage' }, { field: 'amount' }]);
    const totals = stageTotals(
      [
        { key: { stage: 'proposal', amount: 'USD' }, count: 2, sum: { amount: 1000 } },
        { key: { stage: 'proposal', amount: 'EUR' }, count: 1, sum: { amount: 3000 } },
        { key: { stage: 'proposal', amount: null }, count: 4, sum: { amount: null } },
        { key: { stage: 'new', amount: 'USD' }, count: 1, sum: { amount: 50 } },
      ],
      pipeline,
      amount,
    );
    expect(totals.get('proposal')).toEqual({
      count: 7,
      sums: [
        { currency: 'EUR', sum: 3000, weighted: 1500 },
        { currency: 'USD', sum: 1000, weighted: 500 },
      ],
    });
    expect(totals.get('new')).toEqual({ count: 1, sums: [{ currency: 'USD', sum: 50, weighted: 5 }] });
    expect(totals.get('won')).toBeUndefined();
  });
});
