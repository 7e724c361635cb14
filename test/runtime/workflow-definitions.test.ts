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

test('a record trigger’s when may not follow a relation or read a computed field: the outbox row has neither', async () => {
  const objects = [
    { name: 'company', pluralName: 'companies', fields: [{ name: 'country', type: 'text' }] },
    {
      name: 'lead',
      pluralName: 'leads',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'size', type: 'number' },
        { name: 'company', type: 'relation', target: 'company' },
        { name: 'double', type: 'formula', expression: 'size * 2' },
        { name: 'dueAt', type: 'date' },
      ],
    },
  ];
  const workflow = (name: string, trigger: Record<string, unknown>) => ({
    name,
    trigger,
    start: 'find',
    steps: [{ id: 'find', type: 'findRecords', object: 'lead', first: 1 }],
  });
  const error = await apply({
    objects,
    workflows: [
      workflow('georgian', { type: 'recordCreated', object: 'lead', when: { company: { country: 'GE' } } }),
      workflow('doubled', { type: 'recordUpdated', object: 'lead', when: { $or: [{ double: { $gt: 10 } }] } }),
    ],
  });
  expect(error).toBeInstanceOf(StratumError);
  expect(error!.problems).toEqual([
    {
      path: 'workflows[0].trigger.when',
      message: expect.stringMatching(/^workflow "georgian": trigger\.when cannot use "company": .*stored columns only/),
    },
    {
      path: 'workflows[1].trigger.when',
      message: expect.stringMatching(/^workflow "doubled": trigger\.when cannot use "double": .*formula or rollup/),
    },
  ]);
  // A relation compared by id is a stored column; dateReached compiles `when` to SQL, where both work.
  expect(
    await apply({
      objects,
      workflows: [
        workflow('byId', {
          type: 'recordCreated',
          object: 'lead',
          when: { company: '0b5c2f5e-8a51-4f7e-9d7c-1b2a3c4d5e6f' },
        }),
        workflow('dated', {
          type: 'dateReached',
          object: 'lead',
          field: 'dueAt',
          when: { company: { country: 'GE' }, double: { $gt: 10 } },
        }),
      ],
    }),
  ).toBeNull();
});
