import type { StepDef } from '../definition';
import { approvalStep } from './approval';
import { assignOwnerStep } from './assign-owner';
import { conditionStep } from './condition';
import { delayStep } from './delay';
import { httpRequestStep } from './http-request';
import { notifyStep } from './notify';
import { createRecordStep, findRecordsStep, updateRecordStep } from './record-steps';
import { scriptStep } from './script';
import { sendEmailStep } from './send-email';
import { startWorkflowStep } from './start-workflow';
import type { StepHandler } from './step';

/**
 * The step types the engine runs. `forEach` is not here: the executor runs loop bodies itself, since a
 * loop is control flow over other steps rather than work of its own.
 */
const HANDLERS: readonly StepHandler<never>[] = [
  createRecordStep,
  updateRecordStep,
  findRecordsStep,
  conditionStep,
  delayStep,
  scriptStep,
  httpRequestStep,
  sendEmailStep,
  assignOwnerStep,
  notifyStep,
  approvalStep,
  startWorkflowStep,
] as never;

const BY_TYPE = new Map<string, StepHandler>(HANDLERS.map((h) => [h.type, h as unknown as StepHandler]));

export function stepHandler(type: StepDef['type']): StepHandler {
  const handler = BY_TYPE.get(type);
  if (!handler) throw new Error(`No handler for step type "${type}"`);
  return handler;
}
