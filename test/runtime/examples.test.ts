import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureWorkspace, loadModel } from '../../runtime/src/metadata/workspace';
import { applyManifest } from '../../runtime/src/migrator/apply';
import { exportManifest } from '../../runtime/src/migrator/export';
import { loadSampleData, type SampleData } from '../../runtime/src/records/sample-data';
import { aggregate } from '../../runtime/src/records/aggregate';
import { countRecords } from '../../runtime/src/records/find';
import { openTestDatabase, uniqueName } from '../support/database';
import { types } from '../support/workspace';

const read = (file: string) =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../../examples', file), 'utf8')) as unknown;

describe.each(['sales-crm', 'helpdesk'])('examples/%s', (example) => {
  test('applies, loads its sample data, applies again with no change, exports back', async () => {
    const db = await openTestDatabase();
    try {
      const workspace = uniqueName('ex');
      await ensureWorkspace(db, workspace);
      const manifest = read(`${example}/manifest.json`);
      expect((await applyManifest(db, manifest, { workspace, types })).revision).toBe(1);
      const data = read(`${example}/data.json`) as SampleData;
      const ctx = { db, model: await loadModel(db, workspace), types, actor: { kind: 'system' } as const };
      const counts = await loadSampleData(ctx, data);
      for (const [object, records] of Object.entries(data.records)) {
        expect({ object, count: await countRecords(ctx, object) }).toEqual({ object, count: records.length });
        expect(counts[object]).toBe(records.length);
      }
      expect((await applyManifest(db, manifest, { workspace, types })).lines).toEqual([]);
      const again = (await applyManifest(db, exportManifest(ctx.model, types), { workspace, types })).lines;
      expect(again).toEqual([]);
      if (example === 'sales-crm') {
        const byStage = await aggregate(ctx, 'deal', { groupBy: [{ field: 'stage' }] });
        const expected = (data.records.deal ?? []).reduce<Record<string, number>>(
          (acc, d) => ({ ...acc, [d.stage as string]: (acc[d.stage as string] ?? 0) + 1 }),
          {},
        );
        expect(Object.fromEntries(byStage.map((g) => [g.key.stage, g.count]))).toEqual(expected);
        // Two pipelines: deals by stage, leads by status (converted is its won stage: conversion sets it).
        expect(ctx.model.pipelines.map((p) => `${p.object}.${p.field}`)).toEqual(['deal.stage', 'lead.status']);
        const leadPipeline = ctx.model.pipelines.find((p) => p.object === 'lead')!;
        expect(leadPipeline.stages.filter((s) => s.won).map((s) => s.name)).toEqual(['converted']);
        expect(leadPipeline.stages.filter((s) => s.lost).map((s) => s.name)).toEqual(['unqualified']);
        const byStatus = await aggregate(ctx, 'lead', { groupBy: [{ field: 'status' }] });
        const leads = (data.records.lead ?? []).reduce<Record<string, number>>(
          (acc, l) => ({ ...acc, [l.status as string]: (acc[l.status as string] ?? 0) + 1 }),
          {},
        );
        expect(Object.fromEntries(byStatus.map((g) => [g.key.status, g.count]))).toEqual(leads);
      }
    } finally {
      await db.close();
    }
  });
});
