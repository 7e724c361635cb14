/**
 * Durable no-code workflows (DESIGN.md decision 6): definitions, the engine that runs them, and the run
 * history. Terminology is in `run-model.ts`.
 */
export { startWorkflowEngine, type WorkflowEngine, type WorkflowEngineOptions, type ManualRunRequest } from './engine';
export { smtpMailer, hostAllowed, type Mailer, type OutgoingMail } from './services';
export { listRuns, getRun, cancelRun, pendingApprovals, type RunDetails, type RunFilter, type Approval } from './runs';
export { approvalInbox, type PendingApproval, type ApprovalReader } from './approval-inbox';
export { listVersions, syncVersions, definitionHash, type VersionInfo } from './versions';
export {
  RUN_STATUSES,
  MAX_RUN_DEPTH,
  type RunStatus,
  type RunRow,
  type StepRecord,
  type RunActor,
  type TriggerEvent,
} from './run-model';
export { STEP_TYPES, TRIGGER_TYPES, stepJsonSchemas } from './step-schemas';
export { createWorkflow, updateWorkflow, setWorkflowActive, deleteWorkflow } from './workflow-edits';
export { webhookSecret, secretMatches, signatureMatches } from './webhooks';
export { requireMayStartManually, mayStartManually } from './manual-access';
