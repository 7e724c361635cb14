import type { Db } from '../db/db';
import { badInput, notFound } from '../errors';
import type { Model } from '../model/model';
import { WORKSPACE_NAME, workspaceSchema } from '../model/physical-names';
import { bootstrapMetaSchema } from './bootstrap';
import { userReferencesFromForeignKeys } from './user-references';
import { deepFreeze } from '../util/deep-freeze';
import { viewTables } from '../views/view-tables';

export const DEFAULT_WORKSPACE = 'default';

/** Tables every workspace schema has besides its objects: field history and the record-event outbox. */
function workspaceTables(schema: string): string {
  return `CREATE SCHEMA IF NOT EXISTS "${schema}";
    CREATE TABLE IF NOT EXISTS "${schema}"._history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      object text NOT NULL,
      "recordId" uuid NOT NULL,
      field text NOT NULL,
      "oldValue" jsonb,
      "newValue" jsonb,
      actor uuid
    );
    CREATE INDEX IF NOT EXISTS _history_record ON "${schema}"._history (object, "recordId", at);
    CREATE TABLE IF NOT EXISTS "${schema}"._outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      object text NOT NULL,
      "recordId" uuid NOT NULL,
      event text NOT NULL CHECK (event IN ('created', 'updated', 'deleted', 'restored', 'destroyed')),
      before json,
      after json,
      actor uuid,
      "processedAt" timestamptz
    );
    CREATE INDEX IF NOT EXISTS _outbox_pending ON "${schema}"._outbox (id) WHERE "processedAt" IS NULL;
    ${outboxAsJson(schema)}
    CREATE TABLE IF NOT EXISTS "${schema}"._shares (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      object text NOT NULL,
      "recordId" uuid NOT NULL,
      "userId" uuid REFERENCES stratum.users(id) ON DELETE CASCADE,
      "teamId" uuid REFERENCES stratum.teams(id) ON DELETE CASCADE,
      access text NOT NULL CHECK (access IN ('read', 'edit')),
      "createdBy" uuid,
      "createdAt" timestamptz NOT NULL DEFAULT now(),
      CHECK (("userId" IS NULL) <> ("teamId" IS NULL))
    );
    CREATE UNIQUE INDEX IF NOT EXISTS _shares_user ON "${schema}"._shares (object, "recordId", "userId") WHERE "userId" IS NOT NULL;
    CREATE UNIQUE INDEX IF NOT EXISTS _shares_team ON "${schema}"._shares (object, "recordId", "teamId") WHERE "teamId" IS NOT NULL;
    ${workflowTables(schema)}
    ${viewTables(schema)}
    ${userReferencesFromForeignKeys(schema)}`;
}

/**
 * The outbox keeps rows as `json`, written by `row_to_json`: an event's row is written once and read once, as
 * text, so building `jsonb` (`to_jsonb`) cost the writes for nothing (a tenth of the database's CPU in the
 * import bench). Workspaces made when the columns were `jsonb` are converted once.
 */
function outboxAsJson(schema: string): string {
  return `DO $outbox$ BEGIN
      IF (SELECT a.atttypid FROM pg_attribute a WHERE a.attrelid = '"${schema}"._outbox'::regclass AND a.attname = 'after')
         = 'jsonb'::regtype THEN
        ALTER TABLE "${schema}"._outbox ALTER COLUMN before TYPE json USING before::json,
                                        ALTER COLUMN after TYPE json USING after::json;
      END IF;
    END $outbox$;`;
}

/**
 * The workflow engine's tables (DESIGN.md decision 6): versions that runs are pinned to, runs and their
 * steps, per-workflow state (round-robin counters, schedule watermarks, webhook secrets), approvals and
 * in-app notifications. A write made by a run records the run and its depth in the outbox through
 * transaction-local settings, so the record service needs no knowledge of workflows.
 */
function workflowTables(schema: string): string {
  return `ALTER TABLE "${schema}"._outbox
      ADD COLUMN IF NOT EXISTS "runId" uuid DEFAULT nullif(current_setting('stratum.run_id', true), '')::uuid,
      ADD COLUMN IF NOT EXISTS "runDepth" integer NOT NULL DEFAULT coalesce(nullif(current_setting('stratum.run_depth', true), '')::integer, 0);
    CREATE TABLE IF NOT EXISTS "${schema}"._wf_versions (
      workflow text NOT NULL,
      version integer NOT NULL,
      hash text NOT NULL,
      definition jsonb NOT NULL,
      "createdAt" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workflow, version),
      UNIQUE (workflow, hash)
    );
    CREATE TABLE IF NOT EXISTS "${schema}"._wf_runs (
      id uuid PRIMARY KEY,
      workflow text NOT NULL,
      version integer NOT NULL,
      status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'WAITING', 'COMPLETED', 'FAILED', 'CANCELLED')),
      "triggerKey" text,
      trigger jsonb NOT NULL,
      actor jsonb NOT NULL,
      depth integer NOT NULL DEFAULT 0,
      "parentRunId" uuid,
      "nextStep" text,
      "stepCount" integer NOT NULL DEFAULT 0,
      attempt integer NOT NULL DEFAULT 0,
      "wakeAt" timestamptz,
      error jsonb,
      test boolean NOT NULL DEFAULT false,
      "startedAt" timestamptz NOT NULL DEFAULT now(),
      "finishedAt" timestamptz,
      UNIQUE (workflow, "triggerKey")
    );
    CREATE INDEX IF NOT EXISTS _wf_runs_recent ON "${schema}"._wf_runs (workflow, "startedAt" DESC, id);
    CREATE INDEX IF NOT EXISTS _wf_runs_status ON "${schema}"._wf_runs (status, "startedAt" DESC);
    CREATE TABLE IF NOT EXISTS "${schema}"._wf_steps (
      "runId" uuid NOT NULL REFERENCES "${schema}"._wf_runs(id) ON DELETE CASCADE,
      seq integer NOT NULL,
      "stepId" text NOT NULL,
      type text NOT NULL,
      status text NOT NULL CONSTRAINT _wf_steps_status_check
        CHECK (status IN ('RUNNING', 'WAITING', 'COMPLETED', 'FAILED', 'SKIPPED', 'CANCELLED')),
      attempt integer NOT NULL DEFAULT 1,
      input jsonb,
      output jsonb,
      error jsonb,
      "startedAt" timestamptz NOT NULL DEFAULT now(),
      "finishedAt" timestamptz,
      "durationMs" double precision,
      -- What the step reports beside its output: a script's budgets and logs, what a test run did not send.
      meta jsonb,
      PRIMARY KEY ("runId", seq)
    );
    -- Workspaces made before steps could be CANCELLED: widen their check once (NOT VALID: the old rows fit it).
    DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = '"${schema}"._wf_steps'::regclass
                   AND conname = '_wf_steps_status_check' AND pg_get_constraintdef(oid) NOT LIKE '%CANCELLED%') THEN
        ALTER TABLE "${schema}"._wf_steps DROP CONSTRAINT _wf_steps_status_check;
        ALTER TABLE "${schema}"._wf_steps ADD CONSTRAINT _wf_steps_status_check
          CHECK (status IN ('RUNNING', 'WAITING', 'COMPLETED', 'FAILED', 'SKIPPED', 'CANCELLED')) NOT VALID;
      END IF;
    END $$;
    CREATE TABLE IF NOT EXISTS "${schema}"._wf_state (
      workflow text NOT NULL,
      key text NOT NULL,
      value jsonb NOT NULL,
      PRIMARY KEY (workflow, key)
    );
    CREATE TABLE IF NOT EXISTS "${schema}"._wf_approvals (
      id uuid PRIMARY KEY,
      "runId" uuid NOT NULL REFERENCES "${schema}"._wf_runs(id) ON DELETE CASCADE,
      "stepId" text NOT NULL,
      "userId" uuid,
      role text,
      message text,
      status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'TIMED_OUT', 'CANCELLED')),
      "decidedBy" uuid,
      comment text,
      "createdAt" timestamptz NOT NULL DEFAULT now(),
      "dueAt" timestamptz,
      "decidedAt" timestamptz
    );
    CREATE INDEX IF NOT EXISTS _wf_approvals_pending ON "${schema}"._wf_approvals (status, "userId");
    ${notificationTable(schema)}`;
}

/**
 * In-app notifications (`notifications/notifications.ts`): a title and a body for one user, linked to a
 * record (and, for an approval step's request, to the approval: `approvalId`). `key` makes a notify step's insert idempotent (one row per step run and user, however often
 * the step is executed). Workspaces made before titles and bodies had `message`: it becomes the title.
 */
function notificationTable(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS "${schema}"._notifications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      "userId" uuid NOT NULL,
      title text NOT NULL,
      body text,
      object text,
      "recordId" uuid,
      "runId" uuid,
      key text,
      "createdAt" timestamptz NOT NULL DEFAULT now(),
      "readAt" timestamptz
    );
    DO $$ BEGIN
      IF EXISTS (SELECT FROM information_schema.columns
                  WHERE table_schema = '${schema}' AND table_name = '_notifications' AND column_name = 'message') THEN
        ALTER TABLE "${schema}"._notifications RENAME COLUMN message TO title;
      END IF;
    END $$;
    ALTER TABLE "${schema}"._notifications ADD COLUMN IF NOT EXISTS body text, ADD COLUMN IF NOT EXISTS key text,
      ADD COLUMN IF NOT EXISTS "approvalId" uuid;
    DROP INDEX IF EXISTS "${schema}"._notifications_user;
    CREATE INDEX IF NOT EXISTS _notifications_mine ON "${schema}"._notifications ("userId", "createdAt" DESC, id DESC);
    CREATE INDEX IF NOT EXISTS _notifications_unread ON "${schema}"._notifications ("userId") WHERE "readAt" IS NULL;
    CREATE UNIQUE INDEX IF NOT EXISTS _notifications_key ON "${schema}"._notifications (key, "userId") WHERE key IS NOT NULL;`;
}

export function emptyModel(workspace: string): Model {
  return {
    workspace,
    schema: workspaceSchema(workspace),
    revision: 0,
    objects: [],
    pipelines: [],
    workflows: [],
    roles: [],
  };
}

/**
 * Creates a workspace (its schema, system tables and an empty model) unless it exists.
 *
 * @example
 *   await ensureWorkspace(db, 'default');
 */
export async function ensureWorkspace(db: Db, workspace: string = DEFAULT_WORKSPACE): Promise<void> {
  if (!WORKSPACE_NAME.test(workspace)) {
    throw badInput({ path: 'workspace', message: 'must match ^[a-z][a-z0-9_]{0,39}$' });
  }
  await bootstrapMetaSchema(db);
  await db.transaction(async (tx) => {
    const schema = workspaceSchema(workspace);
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`stratum.workspace.${workspace}`]);
    await tx.exec(workspaceTables(schema));
    await tx.query(
      `INSERT INTO stratum.workspaces (name, schema, model) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`,
      [workspace, schema, JSON.stringify(emptyModel(workspace))],
    );
  });
}

/** The current model of a workspace; `forUpdate` locks it for a metadata change in `db`'s transaction. */
export async function loadModel(db: Db, workspace: string, options: { forUpdate?: boolean } = {}): Promise<Model> {
  const { rows } = await db.query<{ model: Model; revision: number }>(
    `SELECT model, revision FROM stratum.workspaces WHERE name = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [workspace],
  );
  const row = rows[0];
  if (!row) throw notFound(`Workspace "${workspace}" does not exist`);
  return deepFreeze({ ...row.model, revision: row.revision });
}

/** The current revision number: cheap, so servers can check it on every request. */
/**
 * The workspaces' names, in order. A workspace whose schema was dropped by hand (tests and benches drop theirs)
 * is left out: it has nothing to run.
 */
export async function listWorkspaces(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    'SELECT name FROM stratum.workspaces WHERE to_regnamespace(quote_ident(schema)) IS NOT NULL ORDER BY name',
  );
  return rows.map((r) => r.name);
}

export async function currentRevision(db: Db, workspace: string): Promise<number> {
  const { rows } = await db.query<{ revision: number }>('SELECT revision FROM stratum.workspaces WHERE name = $1', [
    workspace,
  ]);
  if (!rows[0]) throw notFound(`Workspace "${workspace}" does not exist`);
  return rows[0].revision;
}
