import type { WorkspacePipeline } from '../use-workspace-model';
import { countsByStage, funnelSteps } from './funnel';

const stage = (name: string, end: Partial<{ won: boolean; lost: boolean }> = {}) => ({
  name,
  label: name,
  probability: 0,
  won: end.won ?? false,
  lost: end.lost ?? false,
  color: null,
});
const pipeline: WorkspacePipeline = {
  object: 'deal',
  field: 'stage',
  label: 'Sales',
  stages: [
    stage('new'),
    stage('qualified'),
    stage('proposal'),
    stage('won', { won: true }),
    stage('lost', { lost: true }),
  ],
};

describe('funnelSteps', () => {
  test('a record reached its stage and every earlier one; won records passed all; lost ones are left out', () => {
    const steps = funnelSteps(
      pipeline,
      new Map([
        ['new', 5],
        ['qualified', 3],
        ['proposal', 2],
        ['won', 10],
        ['lost', 7],
      ]),
    );
    expect(steps.map((s) => [s.stage.name, s.current, s.reached])).toEqual([
      ['new', 5, 20],
      ['qualified', 3, 15],
      ['proposal', 2, 12],
      ['won', 10, 10],
    ]);
    expect(steps.map((s) => s.ofPrevious)).toEqual([null, 15 / 20, 12 / 15, 10 / 12]);
  });

  test('several won stages are one step; an empty step gives no share to the next', () => {
    const two: WorkspacePipeline = {
      ...pipeline,
      stages: [stage('new'), stage('paid', { won: true }), stage('signed', { won: true })],
    };
    expect(
      funnelSteps(
        two,
        new Map([
          ['paid', 1],
          ['signed', 2],
        ]),
      ).map((s) => [s.stage.name, s.reached, s.ofPrevious]),
    ).toEqual([
      ['new', 3, null],
      ['paid', 3, 1],
    ]);
    expect(funnelSteps(two, new Map()).map((s) => s.ofPrevious)).toEqual([null, null]);
  });

  test('countsByStage adds up the groups of a stage (one per currency)', () => {
    const groups = [
      { key: { stage: 'new', amount: 'USD' }, count: 2 },
      { key: { stage: 'new', amount: 'EUR' }, count: 3 },
      { key: { stage: null, amount: 'EUR' }, count: 9 },
    ];
    expect([...countsByStage(groups, 'stage')]).toEqual([['new', 5]]);
  });
});
