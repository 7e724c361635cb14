import { compileCondition, FALSE, parseCondition, type ConditionNode } from '../conditions';
import { createFieldTypeRegistry } from '../fields/registry';
import { parseManifest } from '../manifest/parse-manifest';
import { emptyModel } from '../metadata/workspace';
import { diffModel } from '../migrator/diff';
import { conditionTarget } from '../model/condition-targets';
import type { Model } from '../model/model';
import { compile } from '../sql/sql';
import { computedAnalysis } from './computed-fields';
import { livePathSql, liveRollupSql, typedFormulaSql } from './compile-sql';
import type { PathNode } from './expression';

/**
 * formulaSql: formula trees → SQL text and bind parameters. Literals are always parameters, identifiers
 * are quoted, paths and rollups are correlated subqueries aliased `<row>_f1`, `<row>_f2`…, and a
 * restriction puts the reader's scope into every subquery.
 */
const types = createFieldTypeRegistry();

function modelWith(dealFormulas: Record<string, string>): Model {
  return diffModel(
    emptyModel('w'),
    parseManifest(
      {
        objects: [
          {
            name: 'company',
            pluralName: 'companies',
            fields: [
              { name: 'name', type: 'text' },
              { name: 'parent', type: 'relation', target: 'company' },
              { name: 'deals', type: 'relation', target: 'deal', many: true, inverse: 'company' },
              { name: 'tags', type: 'relation', target: 'tag', many: true },
              {
                name: 'open',
                type: 'rollup',
                relation: 'deals',
                function: 'count',
                filter: { stage: { $nin: ['won', 'lost'] } },
              },
              {
                name: 'won',
                type: 'rollup',
                relation: 'deals',
                function: 'sum',
                field: 'amount',
                filter: { stage: 'won' },
              },
              { name: 'wonUsd', type: 'rollup', relation: 'deals', function: 'sum', field: 'amount', currency: 'USD' },
              { name: 'tagCount', type: 'rollup', relation: 'tags', function: 'count' },
            ],
          },
          { name: 'tag', pluralName: 'tags', fields: [{ name: 'label', type: 'text' }] },
          {
            name: 'deal',
            pluralName: 'deals',
            fields: [
              { name: 'title', type: 'text' },
              { name: 'amount', type: 'currency', currency: 'USD' },
              { name: 'probability', type: 'number' },
              { name: 'stage', type: 'select', options: ['new', 'won', 'lost'] },
              { name: 'closeDate', type: 'date' },
              { name: 'company', type: 'relation', target: 'company' },
              ...Object.entries(dealFormulas).map(([name, expression]) => ({ name, type: 'formula', expression })),
            ],
          },
        ],
        pipelines: [
          {
            object: 'deal',
            field: 'stage',
            stages: [
              { name: 'new', probability: 10 },
              { name: 'won', probability: 100 },
              { name: 'lost', probability: 0 },
            ],
          },
        ],
      },
      types,
    ),
    types,
  ).model;
}

function sqlOf(expression: string, restrict?: (object: string) => ConditionNode | undefined) {
  const model = modelWith({ f: expression });
  const analysis = computedAnalysis(model, types, 'deal', 'f')!;
  return compile(typedFormulaSql(analysis.value, 't0', restrict));
}

/** How a rollup is computed from the related rows (what its stored column is filled and kept with). */
function rollupSql(field: string, part: 'value' | 'code' = 'value') {
  const model = modelWith({});
  const analysis = computedAnalysis(model, types, 'company', field)!;
  const node = part === 'value' ? analysis.value : analysis.code!;
  return compile(node.kind === 'rollup' ? liveRollupSql(node, 't0') : typedFormulaSql(node, 't0'));
}

/** SQL text with stored rollup columns' keys (random per model) written as `<key>`. */
function keyless(text: string): string {
  return text.replace(/_rollup_k[0-9a-f]{10}/g, '_rollup_<key>');
}

const DEAL = '"ws_w"."deal"';
const COMPANY = '"ws_w"."company"';

describe('formulaSql: operators and functions', () => {
  test.each<[string, string, unknown[]]>([
    ['amount * probability / 100', '((("t0"."amount" * "t0"."probability") / NULLIF($1::numeric, 0)))::numeric', [100]],
    ['probability % 3', '(mod("t0"."probability", NULLIF($1::numeric, 0)))::numeric', [3]],
    ['-probability', '((- "t0"."probability"))::numeric', []],
    [
      "title + ' · ' + probability",
      '(concat("t0"."title", $1::text, trim_scale("t0"."probability")::text))::text',
      [' · '],
    ],
    [
      'IF(probability > 50, "high", "low")',
      '(CASE WHEN ("t0"."probability" > $1::numeric) THEN $2::text ELSE $3::text END)::text',
      [50, 'high', 'low'],
    ],
    [
      'probability >= 10 ? 1 : null',
      '(CASE WHEN ("t0"."probability" >= $1::numeric) THEN $2::numeric ELSE NULL::numeric END)::numeric',
      [10, 1],
    ],
    [
      "stage == 'won' || !(probability != 0)",
      '((("t0"."stage" IS NOT DISTINCT FROM $1::text) OR (NOT ("t0"."probability" IS DISTINCT FROM $2::numeric))))::boolean',
      ['won', 0],
    ],
    [
      'ROUND(probability / 3, 2)',
      '(round(("t0"."probability" / NULLIF($1::numeric, 0)), ($2::numeric)::int))::numeric',
      [3, 2],
    ],
    ['MIN(probability, 10)', '(least("t0"."probability", $1::numeric))::numeric', [10]],
    ['COALESCE(title, "untitled")', '(coalesce("t0"."title", $1::text))::text', ['untitled']],
    ['LEFT(UPPER(TRIM(title)), 3)', '(left(upper(btrim("t0"."title")), ($1::numeric)::int))::text', [3]],
    ['CONTAINS(title, "fit")', '((strpos(lower("t0"."title"), lower($1::text)) > 0))::boolean', ['fit']],
    ['ISBLANK(title)', `(("t0"."title" IS NULL OR "t0"."title" = ''))::boolean`, []],
    ['DAYS_BETWEEN(TODAY(), closeDate)', '(("t0"."closeDate" - current_date)::numeric)::numeric', []],
    [
      "DATE_ADD(closeDate, 1, 'month')",
      '(("t0"."closeDate" + make_interval(months => ($1::numeric)::int))::date)::date',
      [1],
    ],
    ['closeDate + 7', '(("t0"."closeDate" + ($1::numeric)::int))::date', [7]],
    ['closeDate < "2026-12-01"', '(("t0"."closeDate" < $1::date))::boolean', ['2026-12-01']],
    ['YEAR(createdAt)', `(extract(year FROM ("t0"."createdAt" AT TIME ZONE 'UTC'))::numeric)::numeric`, []],
    [
      'amount * stage.probability / 100',
      '((("t0"."amount" * CASE "t0"."stage" WHEN $1::text THEN $2::numeric WHEN $3::text THEN $4::numeric WHEN $5::text THEN $6::numeric END) / NULLIF($7::numeric, 0)))::numeric',
      ['new', 10, 'won', 100, 'lost', 0, 100],
    ],
  ])('%s', (expression, text, values) => {
    expect(sqlOf(expression)).toEqual({ text, values });
  });

  test('a text literal is always a parameter, whatever it holds', () => {
    expect(sqlOf(`title + "'); DROP TABLE deal; --"`).values).toEqual(["'); DROP TABLE deal; --"]);
  });
});

describe('formulaSql: paths', () => {
  test('one hop: read from the column that keeps it (stored-paths.ts), for a reader who sees every company', () => {
    expect(sqlOf('company.name')).toEqual({
      text: expect.stringMatching(/^\("t0"\."_path_[0-9a-f]{24}"\)::text$/),
      values: [],
    });
  });

  test('one hop, kept: a correlated subquery on the primary key that skips deleted records', () => {
    const analysis = computedAnalysis(modelWith({ f: 'company.name' }), types, 'deal', 'f')!;
    expect(compile(livePathSql(analysis.value as PathNode, 't0'))).toEqual({
      text: `((SELECT "t0_f1"."name" FROM ${COMPANY} AS "t0_f1" WHERE "t0_f1"."id" = "t0"."company" AND "t0_f1"."deletedAt" IS NULL))::text`,
      values: [],
    });
  });

  test('several hops: one subquery with joins', () => {
    expect(sqlOf('company.parent.name').text).toBe(
      `((SELECT "t0_f2"."name" FROM ${COMPANY} AS "t0_f1" JOIN ${COMPANY} AS "t0_f2" ON "t0_f2"."id" = "t0_f1"."parent" AND "t0_f2"."deletedAt" IS NULL WHERE "t0_f1"."id" = "t0"."company" AND "t0_f1"."deletedAt" IS NULL))::text`,
    );
  });

  test('users: owner and createdBy read the users table', () => {
    expect(sqlOf('owner.email').text).toBe(
      '((SELECT "t0_f1"."email" FROM "stratum"."users" AS "t0_f1" WHERE "t0_f1"."id" = "t0"."owner"))::text',
    );
  });

  test("a restriction puts the reader's scope of the related object into the subquery", () => {
    const scope = (object: string) => (object === 'company' ? FALSE : undefined);
    expect(sqlOf('company.name', scope).text).toBe(
      `((SELECT "t0_f1"."name" FROM ${COMPANY} AS "t0_f1" WHERE "t0_f1"."id" = "t0"."company" AND "t0_f1"."deletedAt" IS NULL AND FALSE))::text`,
    );
  });
});

describe('formulaSql: rollups', () => {
  test('count over a one-to-many relation with a filter, through the condition compiler', () => {
    expect(rollupSql('open')).toEqual({
      text: `((SELECT count(*)::numeric FROM ${DEAL} AS "t0_f1" WHERE "t0_f1"."company" = "t0"."id" AND "t0_f1"."deletedAt" IS NULL AND ("t0_f1"."stage" IS NULL OR NOT ("t0_f1"."stage" = ANY($1::text[])))))::numeric`,
      values: [['won', 'lost']],
    });
  });

  test('count over a many-to-many relation joins the junction table', () => {
    expect(rollupSql('tagCount').text).toMatch(
      /^\(\(SELECT count\(\*\)::numeric FROM "ws_w"\."_m2m_k[0-9a-f]+" AS "t0_f2" JOIN "ws_w"\."tag" AS "t0_f1" ON "t0_f1"\."id" = "t0_f2"\."target" WHERE "t0_f2"\."source" = "t0"\."id" AND "t0_f1"\."deletedAt" IS NULL\)\)::numeric$/,
    );
  });

  test('a sum of money adds amounts only when the rows share one currency, and says which', () => {
    const where = `FROM ${DEAL} AS "t0_f1" WHERE "t0_f1"."company" = "t0"."id" AND "t0_f1"."deletedAt" IS NULL AND "t0_f1"."stage" = $1::text`;
    expect(rollupSql('won')).toEqual({
      text: `((SELECT CASE WHEN count(DISTINCT "t0_f1"."amount_currency") > 1 THEN NULL ELSE coalesce(sum("t0_f1"."amount"), 0) END ${where}))::numeric`,
      values: ['won'],
    });
    expect(rollupSql('won', 'code')).toEqual({
      text: `((SELECT CASE WHEN count(DISTINCT "t0_f1"."amount_currency") > 1 THEN NULL ELSE coalesce(min("t0_f1"."amount_currency"), $1::text) END ${where.replace('$1', '$2')}))::text`,
      values: ['USD', 'won'],
    });
  });

  test('with "currency", only rows in that currency are added', () => {
    expect(rollupSql('wonUsd')).toEqual({
      text: `((SELECT coalesce(sum("t0_f1"."amount"), 0) FROM ${DEAL} AS "t0_f1" WHERE "t0_f1"."company" = "t0"."id" AND "t0_f1"."deletedAt" IS NULL AND "t0_f1"."amount_currency" = $1::text))::numeric`,
      values: ['USD'],
    });
    expect(rollupSql('wonUsd', 'code')).toEqual({ text: '($1::text)::text', values: ['USD'] });
  });

  test('a stored rollup is read from its column by a reader who may see every related row', () => {
    const model = modelWith({});
    const analysis = computedAnalysis(model, types, 'company', 'won')!;
    const value = compile(typedFormulaSql(analysis.value, 't0'));
    expect({ ...value, text: keyless(value.text) }).toEqual({ text: '("t0"."_rollup_<key>")::numeric', values: [] });
    expect(keyless(compile(typedFormulaSql(analysis.code!, 't0')).text)).toBe('("t0"."_rollup_<key>_code")::text');
  });

  test('a reader whose rules hide some related rows gets the aggregate over the rows they may see', () => {
    const model = modelWith({});
    const analysis = computedAnalysis(model, types, 'company', 'open')!;
    const scope = (object: string) => (object === 'deal' ? FALSE : undefined);
    expect(compile(typedFormulaSql(analysis.value, 't0', scope)).text).toBe(
      `((SELECT count(*)::numeric FROM ${DEAL} AS "t0_f1" WHERE "t0_f1"."company" = "t0"."id" AND "t0_f1"."deletedAt" IS NULL AND ("t0_f1"."stage" IS NULL OR NOT ("t0_f1"."stage" = ANY($1::text[]))) AND FALSE))::numeric`,
    );
  });

  test("a rollup through a path reads the related row's stored column", () => {
    expect(keyless(sqlOf('company.open + 1').text)).toBe(
      `(((SELECT "t0_f1"."_rollup_<key>" FROM ${COMPANY} AS "t0_f1" WHERE "t0_f1"."id" = "t0"."company" AND "t0_f1"."deletedAt" IS NULL) + $1::numeric))::numeric`,
    );
  });

  test('a rollup through a path, under row rules, nests the subqueries with their own aliases', () => {
    const scope = (object: string) => (object === 'deal' ? FALSE : undefined);
    expect(sqlOf('company.open + 1', scope).text).toBe(
      `(((SELECT (SELECT count(*)::numeric FROM ${DEAL} AS "t0_f2" WHERE "t0_f2"."company" = "t0_f1"."id" AND "t0_f2"."deletedAt" IS NULL AND ("t0_f2"."stage" IS NULL OR NOT ("t0_f2"."stage" = ANY($1::text[]))) AND FALSE) FROM ${COMPANY} AS "t0_f1" WHERE "t0_f1"."id" = "t0"."company" AND "t0_f1"."deletedAt" IS NULL) + $2::numeric))::numeric`,
    );
  });
});

describe('formulas in conditions', () => {
  test('a comparison on a formula compares its expression, and nested relations alias their own rows', () => {
    const model = modelWith({ weighted: 'amount * probability / 100', label: 'company.name' });
    const deal = conditionTarget(model, types, 'deal');
    const node = parseCondition({ weighted: { $gte: 500 }, label: { $startsWith: 'Ac' } }, deal, { syntax: 'mongo' });
    expect(compile(compileCondition(node, 't0'))).toEqual({
      text: expect.stringMatching(
        /^\(\(\(\(\("t0"\."amount" \* "t0"\."probability"\) \/ NULLIF\(\$1::numeric, 0\)\)\)::numeric\) >= \$2::bigint AND \(\("t0"\."_path_[0-9a-f]{24}"\)::text\) ILIKE \$3::text\)$/,
      ),
      values: [100, 500, 'Ac%'],
    });
    const company = conditionTarget(model, types, 'company');
    const nested = parseCondition({ deals: { weighted: { $gt: 0 } }, open: { $gt: 1 } }, company, { syntax: 'mongo' });
    const text = compile(compileCondition(nested, 't0')).text;
    expect(text).toContain('EXISTS (SELECT 1 FROM "ws_w"."deal" AS "t1" WHERE "t1"."company" = "t0"."id"');
    expect(text).toContain('((("t1"."amount" * "t1"."probability")');
    expect(keyless(text)).toContain('("t0"."_rollup_<key>")::numeric) > $3::bigint');
  });
});
