import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  applyManifest,
  loadModel,
  loadSampleData,
  type Db,
  type FieldTypeRegistry,
  type SampleData,
} from '@stratum/runtime';

/** Where the example apps live (the repository's `examples/`, from server/src or server/dist alike). */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');

/**
 * Loads an example app (manifest and sample data) into a fresh workspace. Does nothing when the workspace
 * already has a model or the seed is `none`.
 */
export async function seedWorkspace(
  db: Db,
  options: { workspace: string; types: FieldTypeRegistry; seed: string; owners: readonly string[] },
): Promise<Record<string, number> | null> {
  if (options.seed === 'none') return null;
  const model = await loadModel(db, options.workspace);
  if (model.revision > 0) return null;
  const dir = path.join(EXAMPLES_DIR, options.seed);
  if (!/^[a-z0-9-]+$/.test(options.seed) || !existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`STRATUM_SEED="${options.seed}" is not an example (see ${EXAMPLES_DIR}) nor "none"`);
  }
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as unknown;
  await applyManifest(db, manifest, {
    workspace: options.workspace,
    types: options.types,
    summary: `Seed: ${options.seed}`,
  });
  const dataFile = path.join(dir, 'data.json');
  if (!existsSync(dataFile)) return {};
  const data = JSON.parse(readFileSync(dataFile, 'utf8')) as SampleData;
  const ctx = {
    db,
    model: await loadModel(db, options.workspace),
    types: options.types,
    actor: { kind: 'system' } as const,
  };
  const loaded = await loadSampleData(ctx, data, { owners: options.owners });
  // Sample data is history, not news: the example's automations start with the records made after it.
  await db.query(`UPDATE "${ctx.model.schema}"._outbox SET "processedAt" = now() WHERE "processedAt" IS NULL`);
  return loaded;
}
