import type { Db } from '../db/db';
import { badInput, notFound } from '../errors';
import type { ApplyOptions, ApplyResult } from '../migrator/apply';
import { editModel } from '../migrator/model-edits';

/**
 * Workflow definitions edited as metadata: each change is a revision of the model (who, when, diff,
 * revertible), and each new definition becomes a new version of the workflow the first time the engine
 * sees it. Problems are reported at the input's own paths (`input.steps[2].object`).
 */
type Options = Omit<ApplyOptions, 'expectedRevision'>;
type Json = Record<string, unknown>;
type WithWorkflows = { workflows: (Json & { name: string })[] };

/** Adds a workflow; it starts inactive unless the input says `active: true`. */
export function createWorkflow(db: Db, input: Json, options: Options): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const workflows = (manifest as unknown as WithWorkflows).workflows;
    const name = typeof input.name === 'string' ? input.name : '';
    if (workflows.some((w) => w.name === name))
      throw badInput({ path: 'input.name', message: `a workflow "${name}" already exists` });
    workflows.push({ active: false, ...input, name });
    return { manifestPath: `workflows[${workflows.length - 1}]`, inputPath: 'input' };
  });
}

/** Replaces a workflow's definition (a new version); `active` is kept unless the input sets it. */
export function updateWorkflow(db: Db, name: string, input: Json, options: Options): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const workflows = (manifest as unknown as WithWorkflows).workflows;
    const i = workflows.findIndex((w) => w.name === name);
    if (i < 0) throw notFound(`No workflow "${name}"`);
    workflows[i] = { active: workflows[i]!.active, ...input, name: (input.name as string | undefined) ?? name };
    return { manifestPath: `workflows[${i}]`, inputPath: 'input' };
  });
}

export function setWorkflowActive(db: Db, name: string, active: boolean, options: Options): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const workflow = (manifest as unknown as WithWorkflows).workflows.find((w) => w.name === name);
    if (!workflow) throw notFound(`No workflow "${name}"`);
    workflow.active = active;
  });
}

/** Removes a workflow; its runs and versions stay for the record. */
export function deleteWorkflow(db: Db, name: string, options: Options): Promise<ApplyResult> {
  return editModel(db, options, (manifest) => {
    const workflows = (manifest as unknown as WithWorkflows).workflows;
    const i = workflows.findIndex((w) => w.name === name);
    if (i < 0) throw notFound(`No workflow "${name}"`);
    workflows.splice(i, 1);
  });
}
