import { stepJsonSchemas } from '@stratum/runtime';
import { autoLayout } from '../../studio/src/workflows/canvas/layout';
import {
  addStep,
  connect,
  definitionEdges,
  disconnect,
  earlierSteps,
  graphProblems,
  problemNode,
  removeStep,
  renameStep,
  TRIGGER_NODE,
  updateStepSettings,
  type WorkflowDraft,
} from '../../studio/src/workflows/graph';
import { edgeKeysOfSchema, formValues, settingsForm } from '../../studio/src/workflows/settings/form-schema';
import { insertTemplate, templateVariables } from '../../studio/src/workflows/settings/variables';

// The real JSON Schemas the server answers in `workflowStepTypes`, so the studio's reading of them is tested
// against what the runtime generates.
const schemas = stepJsonSchemas() as { steps: Record<string, unknown>; triggers: Record<string, unknown> };
const keysOf = (type: string) => edgeKeysOfSchema(schemas.steps[type]);
const requiredKeysOf = (type: string) => settingsForm(schemas.steps[type], (t) => t).requiredEdgeKeys;

const wonDeal: WorkflowDraft = {
  name: 'dealWon',
  trigger: { type: 'stageChanged', object: 'deal', to: 'won' },
  start: 'hasCompany',
  steps: [
    { id: 'hasCompany', type: 'condition', when: { company: { $isNull: false } }, then: 'stamp', else: 'thank' },
    { id: 'stamp', type: 'updateRecord', object: 'company', data: { at: '{{trigger.firedAt}}' }, next: 'thank' },
    { id: 'thank', type: 'notify', to: 'owner', message: 'Won {{steps.stamp.output.id}}' },
  ],
};

describe('the workflow designer graph (studio/src/workflows/graph.ts)', () => {
  test('reads edge keys off the server JSON Schemas: next, branches, loops and approvals', () => {
    expect(keysOf('createRecord')).toEqual(['next']);
    expect(keysOf('condition')).toEqual(['next', 'then', 'else']);
    expect(keysOf('approval')).toEqual(['next', 'then', 'else', 'timeout']);
    expect(keysOf('forEach')).toEqual(['next', 'do']);
    expect(requiredKeysOf('forEach')).toEqual(['do']);
    expect(requiredKeysOf('condition')).toEqual([]);
  });

  test('derives one edge per link, the trigger edge to the start first', () => {
    expect(definitionEdges(wonDeal, keysOf).map((e) => `${e.source}-${e.key}->${e.target}`)).toEqual([
      `${TRIGGER_NODE}-start->hasCompany`,
      'hasCompany-then->stamp',
      'hasCompany-else->thank',
      'stamp-next->thank',
    ]);
  });

  test('adds steps with fresh ids, chained after the given step, without touching the others', () => {
    const { def, id } = addStep(wonDeal, 'notify', { to: 'x', message: 'y' }, 'thank');
    expect(id).toBe('notify1');
    expect(def.steps.find((s) => s.id === 'thank')!.next).toBe('notify1');
    expect(def.steps[1]).toBe(wonDeal.steps[1]);
    expect(addStep(def, 'notify', {}).id).toBe('notify2');
    const empty = { ...wonDeal, start: '', steps: [] };
    expect(addStep(empty, 'delay', { seconds: 5 }).def.start).toBe('delay1');
  });

  test('removes a step with the edges to it; a removed start hands over to its next', () => {
    const withoutStamp = removeStep(wonDeal, 'stamp', keysOf);
    expect(withoutStamp.steps.map((s) => s.id)).toEqual(['hasCompany', 'thank']);
    expect(withoutStamp.steps[0]).not.toHaveProperty('then');
    const chain = connect(removeStep(wonDeal, 'hasCompany', keysOf), TRIGGER_NODE, 'start', 'stamp');
    expect(removeStep(chain, 'stamp', keysOf).start).toBe('thank');
    expect(disconnect(wonDeal, 'hasCompany', 'else').steps[0]).not.toHaveProperty('else');
    expect(disconnect(wonDeal, TRIGGER_NODE, 'start').start).toBe('');
  });

  test('replaces settings but keeps id, type and edges; renames a step in edges and templates', () => {
    const edited = updateStepSettings(wonDeal, 'stamp', { object: 'deal', data: {} }, keysOf);
    expect(edited.steps[1]).toEqual({ id: 'stamp', type: 'updateRecord', object: 'deal', data: {}, next: 'thank' });
    const renamed = renameStep(wonDeal, 'stamp', 'mark', keysOf);
    expect(renamed.steps[0]!.then).toBe('mark');
    expect(renamed.steps[1]!.id).toBe('mark');
    expect(renamed.steps[2]!.message).toBe('Won {{steps.mark.output.id}}');
    expect(renameStep(wonDeal, 'stamp', 'thank', keysOf)).toBe(wonDeal);
  });

  test('finds what the server would refuse: no start, dangling and missing edges, unreachable and duplicate steps', () => {
    expect(graphProblems(wonDeal, keysOf, requiredKeysOf)).toEqual([]);
    const broken: WorkflowDraft = {
      ...wonDeal,
      start: 'nope',
      steps: [...wonDeal.steps, { id: 'loop', type: 'forEach', items: '{{trigger.record.items}}', next: 'gone' }],
    };
    expect(graphProblems(broken, keysOf, requiredKeysOf)).toEqual([
      { node: TRIGGER_NODE, code: 'noStart', target: 'nope' },
      { node: 'loop', code: 'dangling', key: 'next', target: 'gone' },
      { node: 'loop', code: 'missingBranch', key: 'do' },
    ]);
    const island = { ...wonDeal, steps: [...wonDeal.steps, { id: 'thank', type: 'delay', seconds: 1 }] };
    const codes = graphProblems(
      { ...island, steps: [...island.steps, { id: 'alone', type: 'delay' }] },
      keysOf,
      requiredKeysOf,
    );
    expect(codes).toEqual([
      { node: 'thank', code: 'duplicateId' },
      { node: 'alone', code: 'unreachable' },
    ]);
  });

  test('maps server problem paths to the node they are about', () => {
    expect(problemNode(wonDeal, 'input.steps[1].object')).toBe('stamp');
    expect(problemNode(wonDeal, 'input.steps[2]')).toBe('thank');
    expect(problemNode(wonDeal, 'input.trigger.field')).toBe(TRIGGER_NODE);
    expect(problemNode(wonDeal, 'input.start')).toBe(TRIGGER_NODE);
    expect(problemNode(wonDeal, 'input.name')).toBeNull();
  });

  test('offers templates of the trigger record and of steps that run before', () => {
    expect(earlierSteps(wonDeal, 'thank', keysOf)).toEqual(['hasCompany', 'stamp']);
    expect(earlierSteps(wonDeal, 'hasCompany', keysOf)).toEqual([]);
    expect(templateVariables([{ name: 'name', label: 'Name' }], ['stamp']).map((v) => v.path)).toEqual([
      'trigger.record.name',
      'steps.stamp.output',
    ]);
    expect(insertTemplate('Follow up ', 'trigger.record.name', 10, 10)).toEqual({
      value: 'Follow up {{trigger.record.name}}',
      cursor: 33,
    });
    expect(insertTemplate('a b', 'x', 1, 2).value).toBe('a{{x}}b');
  });

  test('makes settings forms without type, id and edges; values of any type get their own field', () => {
    const form = settingsForm(schemas.steps.createRecord, (t) => t);
    expect(Object.keys(form.schema.properties!)).toEqual(['label', 'retries', 'object', 'data']);
    expect(form.schema.required).toEqual(['object', 'data']);
    expect(form.schema).not.toHaveProperty('$schema');
    expect(form.uiSchema['ui:order']).toEqual(['object', 'data', 'label', 'retries']);
    expect(form.uiSchema.data).toEqual({ additionalProperties: { 'ui:field': 'anyValue' } });
    expect(form.uiSchema.label).toMatchObject({ 'ui:field': 'anyValue' });
    expect(formValues(wonDeal.steps[1]!, form)).toEqual({ object: 'company', data: { at: '{{trigger.firedAt}}' } });
    const trigger = settingsForm(schemas.triggers.stageChanged, (t) => t);
    expect(Object.keys(trigger.schema.properties!)).toEqual(['object', 'field', 'from', 'to', 'when']);
  });

  test('lays nodes out top to bottom', () => {
    const boxes = ['a', 'b', 'c'].map((id) => ({ id, width: 200, height: 60 }));
    const at = autoLayout(boxes, [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
    ]);
    expect(at.get('a')!.y).toBeLessThan(at.get('b')!.y);
    expect(at.get('b')!.y).toBeLessThan(at.get('c')!.y);
  });
});
