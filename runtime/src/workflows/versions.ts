import { createHash } from 'node:crypto';
import type { Db } from '../db/db';
import { notFound } from '../errors';
import type { Model } from '../model/model';
import type { WorkflowDef } from './definition';

/**
 * Workflow versions. Every distinct definition of a workflow gets the next version number the first time
 * the engine sees it; a run is pinned to the version that started it, so editing a workflow never
 * changes runs already under way. Whether a workflow is active is not part of its version.
 */
export function definitionHash(workflow: WorkflowDef): string {
  const { active: _active, ...rest } = workflow;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex').slice(0, 32);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The current version of each workflow of a model, recording new definitions as new versions. */
export async function syncVersions(db: Db, model: Model): Promise<Map<string, number>> {
  const workflows = model.workflows as WorkflowDef[];
  const versions = new Map<string, number>();
  if (workflows.length === 0) return versions;
  const table = `"${model.schema}"._wf_versions`;
  const hashes = workflows.map((w) => ({ workflow: w.name, hash: definitionHash(w), definition: w }));
  const known = await db.query<{ workflow: string; hash: string; version: number }>(
    `SELECT v.workflow, v.hash, v.version FROM ${table} v
       JOIN jsonb_to_recordset($1::jsonb) AS x(workflow text, hash text) ON x.workflow = v.workflow AND x.hash = v.hash`,
    [JSON.stringify(hashes.map(({ workflow, hash }) => ({ workflow, hash })))],
  );
  for (const row of known.rows) versions.set(row.workflow, row.version);
  const missing = hashes.filter((h) => !versions.has(h.workflow));
  if (missing.length) {
    await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`stratum.wf_versions.${model.workspace}`]);
      const { rows } = await tx.query<{ workflow: string; version: number }>(
        `INSERT INTO ${table} (workflow, version, hash, definition)
         SELECT x.workflow, coalesce((SELECT max(version) FROM ${table} v WHERE v.workflow = x.workflow), 0) + 1, x.hash, x.definition
           FROM jsonb_to_recordset($1::jsonb) AS x(workflow text, hash text, definition jsonb)
         ON CONFLICT (workflow, hash) DO UPDATE SET hash = EXCLUDED.hash
         RETURNING workflow, version`,
        [JSON.stringify(missing)],
      );
      for (const row of rows) versions.set(row.workflow, row.version);
    });
  }
  return versions;
}

/** The definition a run is pinned to. */
export async function loadVersion(db: Db, schema: string, workflow: string, version: number): Promise<WorkflowDef> {
  const { rows } = await db.query<{ definition: WorkflowDef }>(
    `SELECT definition FROM "${schema}"._wf_versions WHERE workflow = $1 AND version = $2`,
    [workflow, version],
  );
  if (!rows[0]) throw notFound(`Workflow "${workflow}" has no version ${version}`);
  return rows[0].definition;
}

export interface VersionInfo {
  readonly version: number;
  readonly createdAt: string;
  readonly definition: WorkflowDef;
}

/** Every version of a workflow, newest first. */
export async function listVersions(db: Db, schema: string, workflow: string): Promise<VersionInfo[]> {
  const { rows } = await db.query<VersionInfo>(
    `SELECT version, "createdAt", definition FROM "${schema}"._wf_versions WHERE workflow = $1 ORDER BY version DESC`,
    [workflow],
  );
  return rows;
}
