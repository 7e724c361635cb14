/**
 * The sandbox with real QuickJS on real worker threads. The host is a small in-memory ScriptHost: that is
 * the sandbox's boundary (the record service sits behind it), not a mocked database.
 */
import { forbidden, notFound, StratumError } from '../errors';
import { checkScriptSyntax, createScriptRunner, type ScriptHost, type ScriptRunner } from './index';

type Row = Record<string, unknown> & { id: string };

/** Records per object in memory; `secret` is an object the actor may not touch. */
class MemoryHost implements ScriptHost {
  readonly tables = new Map<string, Row[]>();
  #nextId = 1;

  async find(object: string, options: { filter?: unknown; first?: number }): Promise<readonly unknown[]> {
    if (object === 'secret') throw forbidden('you may not read secret records');
    const filter = (options.filter ?? {}) as Record<string, unknown>;
    const rows = (this.tables.get(object) ?? []).filter((row) =>
      Object.entries(filter).every(([key, value]) => row[key] === value),
    );
    return rows.slice(0, options.first ?? 100);
  }

  async create(object: string, data: Record<string, unknown>): Promise<unknown> {
    if (object === 'secret') throw forbidden('you may not create secret records');
    const row = { id: `r${this.#nextId++}`, ...data };
    this.tables.set(object, [...(this.tables.get(object) ?? []), row]);
    return row;
  }

  async update(object: string, id: string, data: Record<string, unknown>): Promise<unknown> {
    const row = this.tables.get(object)?.find((candidate) => candidate.id === id);
    if (!row) throw notFound(`no ${object} ${id}`);
    Object.assign(row, data);
    return row;
  }
}

let runner: ScriptRunner;
beforeAll(() => {
  runner = createScriptRunner({ workers: 2 });
});
afterAll(() => runner.close());

const run = (code: string, input: unknown = null, extra: Partial<Parameters<ScriptRunner['run']>[0]> = {}) =>
  runner.run({ code, input, ...extra });

test('a script reads its input, logs, and returns JSON', async () => {
  const outcome = await run(
    "log('title:', input.trigger.record.title); log({ n: 1 }, [2], null, undefined, 3);\n" +
      "return { words: input.trigger.record.title.split(' ').length }",
    { trigger: { record: { title: 'Three room flat' } } },
  );
  expect(outcome).toEqual({
    ok: true,
    value: { words: 3 },
    logs: ['title: Three room flat', '{"n":1} [2] null undefined 3'],
    usage: { queries: 0, rowsRead: 0, writes: 0, durationMs: expect.any(Number) },
  });
});

test('input is a deep copy, and undefined results become null', async () => {
  const input = { list: [1, 2] };
  const outcome = await run('input.list.push(3); input.added = true', input);
  expect(outcome).toMatchObject({ ok: true, value: null });
  expect(await run('input.list.push(3); return input', input)).toMatchObject({ value: { list: [1, 2, 3] } });
  expect(input).toEqual({ list: [1, 2] });
});

test('logs are capped at 100 lines of 1000 characters', async () => {
  const outcome = await run("log('x'.repeat(5000)); for (let i = 1; i < 150; i++) log('line', i); return 1");
  expect(outcome.logs).toHaveLength(101);
  expect(outcome.logs[0]).toBe(`${'x'.repeat(1000)}…`);
  expect(outcome.logs[99]).toBe('line 99');
  expect(outcome.logs[100]).toBe('… 50 more log lines were dropped');
});

test('records.find / create / update go through the host and are counted', async () => {
  const host = new MemoryHost();
  const outcome = await run(
    `const deal = records.create('deal', { title: input.title, stage: 'new' });
     records.create('deal', { title: 'Other', stage: 'won' });
     const moved = records.update('deal', deal.id, { stage: 'won' });
     const won = records.find('deal', { filter: { stage: 'won' }, first: 10 });
     return { moved: moved.stage, won: won.map((d) => d.title) }`,
    { title: 'Vake flat' },
    { host },
  );
  expect(outcome).toMatchObject({
    ok: true,
    value: { moved: 'won', won: ['Vake flat', 'Other'] },
    usage: { queries: 4, rowsRead: 2, writes: 3 },
  });
  expect(host.tables.get('deal')).toEqual([
    { id: 'r1', title: 'Vake flat', stage: 'won' },
    { id: 'r2', title: 'Other', stage: 'won' },
  ]);
});

test('a host error is a catchable Error with the message and code', async () => {
  const host = new MemoryHost();
  const caught = await run(
    `try { records.find('secret', {}) } catch (e) {
       return { isError: e instanceof Error, name: e.name, message: e.message, code: e.code } }`,
    null,
    { host },
  );
  expect(caught).toMatchObject({
    ok: true,
    value: { isError: true, name: 'Error', message: 'you may not read secret records', code: 'FORBIDDEN' },
  });
  const uncaught = await run("const a = 1;\nrecords.update('deal', 'nope', {})", null, { host });
  expect(uncaught).toMatchObject({ ok: false, error: { kind: 'error', message: 'Error: no deal nope', line: 2 } });
});

test('bad arguments to records.* and a missing host are errors inside the script', async () => {
  const host = new MemoryHost();
  const bad = await run(
    `const codes = [];
     for (const call of [() => records.find(1), () => records.find('deal', { where: {} }), () => records.update('deal', 2, {})])
       try { call() } catch (e) { codes.push(e.code + ': ' + e.message) }
     return codes`,
    null,
    { host },
  );
  expect(bad).toMatchObject({
    value: [
      'BAD_USER_INPUT: records.find: the object name must be a string',
      'BAD_USER_INPUT: records.find: unknown option where (use filter, orderBy, first)',
      'BAD_USER_INPUT: records.update: the id must be a string',
    ],
  });
  const noHost = await run("try { records.find('deal') } catch (e) { return e.code }");
  expect(noHost).toMatchObject({ ok: true, value: 'FORBIDDEN', usage: { queries: 0 } });
});

describe('budgets', () => {
  test('the 101st query fails the run even when the script catches the error', async () => {
    const host = new MemoryHost();
    const outcome = await run(
      "for (let i = 0; i < 101; i++) { try { records.find('deal', {}) } catch (e) {} }\nreturn 'survived'",
      null,
      { host },
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'budget', message: 'script exceeded its budget: more than 100 queries' },
      usage: { queries: 100 },
    });
  });

  test('a script that keeps going after the overrun is stopped', async () => {
    const host = new MemoryHost();
    const started = Date.now();
    const outcome = await run("try { for (;;) records.find('deal', {}) } catch (e) {}\nwhile (true) {}", null, {
      host,
      budgets: { queries: 3 },
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'budget', message: expect.stringMatching(/3 queries/) },
    });
    expect(Date.now() - started).toBeLessThan(900);
  });

  test('rows read are summed over finds', async () => {
    const host = new MemoryHost();
    host.tables.set('deal', [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    const outcome = await run(
      "let seen = 0; try { for (let i = 0; i < 3; i++) seen += records.find('deal', {}).length } catch (e) {} return seen",
      null,
      { host, budgets: { rowsRead: 5 } },
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'budget', message: 'script exceeded its budget: more than 5 rows read' },
      usage: { queries: 2, rowsRead: 6 },
    });
  });

  test('writes beyond the budget never reach the host', async () => {
    const host = new MemoryHost();
    const outcome = await run(
      "for (let i = 0; i < 3; i++) try { records.create('deal', { n: i }) } catch (e) {}\nreturn 'done'",
      null,
      { host, budgets: { writes: 2 } },
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'budget', message: 'script exceeded its budget: more than 2 writes' },
      usage: { writes: 2 },
    });
    expect(host.tables.get('deal')).toHaveLength(2);
  });
});

describe('errors', () => {
  test('a thrown error reports its name, message and the line in the code', async () => {
    expect(await run("const a = 1;\n\nthrow new TypeError('bad value')")).toMatchObject({
      ok: false,
      error: { kind: 'error', message: 'TypeError: bad value', line: 3 },
    });
    expect(await run('const a = 1;\nreturn missing.field')).toMatchObject({
      error: { kind: 'error', message: "ReferenceError: 'missing' is not defined", line: 2 },
    });
  });

  test('the line is the innermost line of the code, also inside nested functions', async () => {
    const outcome = await run('function inner() {\n  return null.x;\n}\nreturn inner()');
    expect(outcome).toMatchObject({ error: { kind: 'error', line: 2 } });
    expect(outcome.ok || outcome.error.message).toMatch(/^TypeError: /);
  });

  test('thrown values that are not errors are shown as they are', async () => {
    expect(await run("throw 'boom'")).toMatchObject({ error: { kind: 'error', message: 'Uncaught boom' } });
    expect(await run('throw { code: 1 }')).toMatchObject({ error: { message: 'Uncaught {"code":1}' } });
  });

  test('syntax errors are kind syntax with the line', async () => {
    const outcome = await run('const a = 1;\nconst b = ;\nreturn b');
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'syntax', message: "SyntaxError: unexpected token in expression: ';'", line: 2 },
    });
  });

  test('checkScriptSyntax compiles without running and reports like a run', async () => {
    expect(await checkScriptSyntax('while (true) {}\nreturn input.a + 1')).toBeNull();
    expect(await checkScriptSyntax('await records.find("deal", {})')).toBeNull();
    expect(await checkScriptSyntax('const a = 1;\nconst b = ;\nreturn b')).toEqual({
      message: "SyntaxError: unexpected token in expression: ';'",
      line: 2,
    });
    expect(await checkScriptSyntax('if (input) {\n  return 1')).toMatchObject({ line: 2 });
    for (const deep of ['('.repeat(100_000), '['.repeat(100_000), '-'.repeat(100_000) + '1', '{'.repeat(100_000)])
      expect(await checkScriptSyntax(deep)).toMatchObject({ message: 'script is nested too deeply to compile' });
    expect(await checkScriptSyntax('return 1')).toBeNull();
  });

  test('results that are not JSON are kind result', async () => {
    expect(await run('const a = {}; a.self = a; return a')).toMatchObject({
      error: { kind: 'result', message: 'script result is not JSON: TypeError: circular reference' },
    });
    expect(await run('return { big: 10n }')).toMatchObject({
      error: { kind: 'result', message: expect.stringMatching(/BigInt/) },
    });
    expect(await run('return { when: new Date(0), skip: () => 1 }')).toMatchObject({
      value: { when: '1970-01-01T00:00:00.000Z' },
    });
  });

  test('results over maxOutputBytes are kind output', async () => {
    const outcome = await run("return 'é'.repeat(60)", null, { limits: { maxOutputBytes: 100 } });
    expect(outcome).toMatchObject({
      error: { kind: 'output', message: 'script result is larger than 100 bytes of JSON' },
    });
    expect(await run("return 'é'.repeat(40)", null, { limits: { maxOutputBytes: 100 } })).toMatchObject({ ok: true });
  });
});

describe('async code', () => {
  test('a returned promise and await are resolved within the run', async () => {
    expect(await run('const n = await Promise.resolve(input.n); return n * 2', { n: 21 })).toMatchObject({
      ok: true,
      value: 42,
    });
    expect(await run('return new Promise((resolve) => resolve([1, 2]))')).toMatchObject({ value: [1, 2] });
  });

  test('host calls work from async functions', async () => {
    const host = new MemoryHost();
    const outcome = await run(
      "const make = async (n) => records.create('task', { n });\nawait Promise.all([make(1), make(2)]);\n" +
        "return records.find('task', {}).length",
      null,
      { host },
    );
    expect(outcome).toMatchObject({ ok: true, value: 2, usage: { queries: 3, writes: 2 } });
  });

  test('a rejected promise is the error; one that never settles is kind result', async () => {
    expect(await run("await null;\nthrow new RangeError('late')")).toMatchObject({
      error: { kind: 'error', message: 'RangeError: late', line: 2 },
    });
    expect(await run('return new Promise(() => {})')).toMatchObject({
      error: { kind: 'result', message: 'script returned a promise that never settles' },
    });
  });
});

describe('requests', () => {
  test('limits and budgets out of range are refused', async () => {
    await expect(run('return 1', null, { limits: { timeoutMs: 0 } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'limits.timeoutMs', message: 'must be an integer from 1 to 60000' }],
    });
    await expect(run('return 1', null, { budgets: { writes: -1 } })).rejects.toBeInstanceOf(StratumError);
  });

  test('input that is not JSON is refused', async () => {
    const input: Record<string, unknown> = {};
    input.self = input;
    await expect(run('return 1', input)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  test('each run starts from a fresh context', async () => {
    expect(await run('globalThis.leak = 1; Object.prototype.polluted = true; return 1')).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++)
      expect(await run('return [typeof leak, ({}).polluted]')).toMatchObject({ value: ['undefined', null] });
  });

  test('runs beyond the pool size wait in line', async () => {
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => run('return input * 2', i)));
    expect(outcomes.map((outcome) => outcome.ok && outcome.value)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
  });
});
