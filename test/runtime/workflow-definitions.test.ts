import { ensureWorkspace } from '../../runtime/src/metadata/workspace';
import { applyManifest } from '../../runtime/src/migrator/apply';
import { StratumError } from '../../runtime/src/errors';
import { openTestDatabase, uniqueName } from '../support/database';
import { types } from '../support/workspace';

// The CONTRACT.md example, on the objects it names.
const contract = {
  objects: [
    {
      name: 'property',
      pluralName: 'properties',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'status', type: 'select', options: ['available', 'reserved', 'sold'] },
        { name: 'closeDate', type: 'date' },
      ],
    },
    { name: 'viewing', pluralName: 'viewings', fields: [{ name: 'title', type: 'text' }] },
  ],
  workflows: [
    {
      name: 'openHouse',
      trigger: { type: 'recordCreated', object: 'property', when: { status: 'available' } },
      start: 'viewing',
      steps: [
        {
          id: 'viewing',
          type: 'createRecord',
          object: 'viewing',
          data: { title: 'Open house: {{trigger.record.title}}' },
          next: 'pause',
        },
        { id: 'pause', type: 'delay', seconds: 60, next: 'score' },
        { id: 'score', type: 'script', code: "return { words: input.trigger.record.title.split(' ').length }" },
      ],
    },
  ],
};

async function apply(manifest: unknown): Promise<StratumError | null> {
  const db = await openTestDatabase();
  try {
    const workspace = uniqueName('wf');
    await ensureWorkspace(db, workspace);
    await applyManifest(db, manifest, { workspace, types });
    return null;
  } catch (error) {
    return error as StratumError;
  } finally {
    await db.close();
  }
}

test('the CONTRACT.md workflow example is a valid definition', async () => {
  expect(await apply(contract)).toBeNull();
});

test('bad workflows are refused at their paths', async () => {
  const broken = {
    ...contract,
    workflows: [
      {
        name: 'broken',
        trigger: { type: 'dateReached', object: 'property', field: 'title', offset: { days: -3 } },
        start: 'first',
        steps: [
          { id: 'first', type: 'findRecords', object: 'viewing', filter: { colour: 'red' }, next: 'missing' },
          { id: 'lonely', type: 'delay', seconds: 5 },
          { id: 'branch', type: 'condition', when: { status: { $in: ['sold'] } }, then: 'first' },
        ],
      },
    ],
  };
  const error = await apply(broken);
  expect(error).toBeInstanceOf(StratumError);
  expect(error!.problems.map((p) => p.path).sort()).toEqual(
    [
      'workflows[0].steps[0].filter.colour',
      'workflows[0].steps[0].next',
      'workflows[0].steps[1].id',
      'workflows[0].steps[2].id',
      'workflows[0].trigger.field',
    ].sort(),
  );
  const badTemplate = await apply({
    ...contract,
    workflows: [
      {
        ...contract.workflows[0],
        steps: [
          {
            id: 'viewing',
            type: 'createRecord',
            object: 'viewing',
            data: { title: '{{steps.nope.output}} {{secrets}}' },
          },
        ],
      },
    ],
  });
  expect(badTemplate!.problems.map((p) => p.message)).toEqual([
    'template {{steps.nope.output}} must start with trigger. or steps.<an existing step id>.',
    'template {{secrets}} must start with trigger. or steps.<an existing step id>.',
  ]);
  const unknownType = await apply({
    ...contract,
    workflows: [{ ...contract.workflows[0], steps: [{ id: 'x', type: 'teleport' }] }],
  });
  expect(unknownType!.problems[0]!.path).toBe('workflows[0].steps[0].type');
});

test('a script step that does not compile is refused with its line, before any run', async () => {
  const error = await apply({
    ...contract,
    workflows: [
      {
        ...contract.workflows[0],
        start: 'score',
        steps: [{ id: 'score', type: 'script', code: 'const words = 1;\nreturn words +' }],
      },
    ],
  });
  expect(error!.problems).toEqual([
    { path: 'workflows[0].steps[0].code', message: expect.stringMatching(/^SyntaxError: .* \(line 2\)$/) },
  ]);
});
