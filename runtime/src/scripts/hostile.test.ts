/**
 * The hostile corpus: scripts that loop, exhaust memory or stack, tamper with built-ins, reach for the
 * host or flood the output. Each must end as a failed outcome with a clear message (or, for probes of the
 * host, a value proving there is nothing to reach) — never a hang, a crash or a success — and the runner
 * must keep answering afterwards.
 */
import {
  createScriptRunner,
  type ScriptHost,
  type ScriptOutcome,
  type ScriptRequest,
  type ScriptRunner,
} from './index';

let runner: ScriptRunner;
beforeAll(() => {
  runner = createScriptRunner({ workers: 2 });
});
afterAll(() => runner.close());

/** A run with the default limits (1000 ms); fails the test if it takes longer than `withinMs`. */
async function hostile(
  code: string,
  withinMs = 3000,
  extra: Pick<ScriptRequest, 'host' | 'limits'> = {},
): Promise<ScriptOutcome> {
  const started = Date.now();
  const outcome = await runner.run({ code, input: { a: 1 }, ...extra });
  expect(Date.now() - started).toBeLessThan(withinMs);
  return outcome;
}

const timeout = { ok: false, error: { kind: 'timeout', message: 'script exceeded 1000 ms' } };
/** Built-ins that run for seconds without reaching the interrupt handler end here: terminated from outside. */
const killed = {
  ok: false,
  error: {
    kind: 'killed',
    message: 'script exceeded 1000 ms and did not stop when interrupted; its worker was terminated',
  },
};
const stack = {
  ok: false,
  error: { kind: 'stack', message: 'script exceeded its stack limit of 256 KiB (recursion or nesting too deep)' },
};
const memory = { ok: false, error: { kind: 'memory', message: 'script exceeded its memory limit of 32 MiB' } };

describe('loops', () => {
  test('while (true) {}', async () => {
    expect(await hostile('while (true) {}')).toMatchObject(timeout);
  });

  test('catching the interruption does not help', async () => {
    expect(await hostile('for (;;) { try { while (true) {} } catch (e) {} }')).toMatchObject(timeout);
  });

  test('an interrupted async function cannot be caught by its caller either', async () => {
    const code = 'const spin = async () => { while (true) {} };\nfor (;;) { try { await spin() } catch (e) {} }';
    expect(await hostile(code)).toMatchObject(timeout);
    expect(await hostile('(async () => { while (true) {} })();\nreturn 1')).toMatchObject(timeout);
  });

  test('an endless chain of microtasks', async () => {
    const code = 'function again() { return Promise.resolve().then(again) }\nagain();\nawait new Promise(() => {})';
    expect(await hostile(code)).toMatchObject(timeout);
  });

  test('catastrophic regex backtracking is interrupted inside the regex engine', async () => {
    expect(await hostile("return /(a+)+$/.test('a'.repeat(40) + 'b')")).toMatchObject(timeout);
  });
});

describe('memory', () => {
  test('many large strings: the push loop rarely reaches the interrupt handler, so the worker is terminated', async () => {
    expect(await hostile("const a = [];\nwhile (true) a.push('x'.repeat(1e6))")).toMatchObject(killed);
  });

  test('joining a sparse array of 1e9 elements runs in C for seconds: terminated', async () => {
    expect(await hostile("return new Array(1e9) + ''")).toMatchObject(killed);
  });

  test('JSON.stringify of a value nested 100,000 deep: terminated, or stopped by the stack limit', async () => {
    // Its cycle check runs in C for seconds; whether the deadline or the stack limit is met first depends on how
    // far the building loop got under the machine's load. Either way the script fails and says why.
    const code = 'let a = [];\nfor (let i = 0; i < 1e5; i++) a = [a];\nreturn JSON.stringify(a).length';
    const outcome = await hostile(code);
    expect(outcome).toMatchObject(outcome.ok === false && outcome.error.kind === 'stack' ? stack : killed);
  });

  test('a string over the engine maximum is refused outright', async () => {
    expect(await hostile("return 'x'.repeat(2 ** 30)")).toMatchObject({
      ok: false,
      error: { kind: 'error', message: 'RangeError: invalid string length', line: 1 },
    });
  });

  test('allocations over the heap limit are kind memory', async () => {
    expect(await hostile("return 'x'.repeat(2 ** 29).length")).toMatchObject({ ...memory, error: { line: 1 } });
    expect(await hostile('return new Array(1e7).fill(0).length')).toMatchObject({ ...memory, error: { line: 1 } });
  });

  test('a heap too full to allocate the error itself (QuickJS then throws null) is kind memory', async () => {
    const code = 'const m = new Map();\nfor (let i = 0; ; i++) m.set(i, {})';
    expect(await hostile(code, 3000, { limits: { memoryBytes: 2 * 1024 * 1024 } })).toEqual({
      ok: false,
      error: { kind: 'memory', message: 'script exceeded its memory limit of 2 MiB' },
      logs: [],
      usage: expect.any(Object),
    });
  });
});

describe('stack', () => {
  test('unbounded recursion is kind stack', async () => {
    expect(await hostile('function f() { return f() }\nreturn f()')).toMatchObject({
      ok: false,
      error: { kind: 'stack', message: 'script exceeded its stack limit of 256 KiB (recursion or nesting too deep)' },
    });
  });

  test('recursion through built-ins, getters and the parser', async () => {
    const deep = [
      'const o = {}; o.toString = () => String(o); return String(o)',
      'const o = { get x() { return this.x } }; return o.x',
      'let a = []; for (let i = 0; i < 1e5; i++) a = [a]; return String(a)',
      'let a = []; for (let i = 0; i < 1e5; i++) a = [a]; return a.flat(Infinity)',
      "return eval('('.repeat(1e5) + '1' + ')'.repeat(1e5))",
      "return JSON.parse('['.repeat(1e6))",
    ];
    for (const code of deep) expect(await hostile(code)).toMatchObject({ ok: false, error: { kind: 'stack' } });
  });
});

describe('tampering with built-ins', () => {
  test('a looping Object.prototype.toJSON only breaks its own run', async () => {
    expect(await hostile('Object.prototype.toJSON = () => { while (true) {} };\nreturn { a: 1 }')).toMatchObject(
      timeout,
    );
    expect(await hostile('return JSON.stringify({ a: 1 })')).toMatchObject({ ok: true, value: '{"a":1}' });
  });

  test('Array.prototype.push = null only breaks its own run', async () => {
    expect(await hostile('Array.prototype.push = null;\nconst a = [];\na.push(1);\nreturn a')).toMatchObject({
      ok: false,
      error: { kind: 'error', message: 'TypeError: not a function', line: 3 },
    });
    for (let i = 0; i < 2; i++)
      expect(await hostile('const a = [];\na.push(1);\nreturn a')).toMatchObject({ ok: true, value: [1] });
  });

  test('replacing JSON and log plumbing does not reach the sandbox', async () => {
    const code =
      "JSON.stringify = () => { throw new Error('hijacked') };\nString.prototype.slice = null;\nlog('still', 'logs');\nreturn [1]";
    expect(await hostile(code)).toMatchObject({ ok: true, value: [1], logs: ['still logs'] });
  });
});

describe('reaching for the host', () => {
  test('the Function constructor builds functions inside the VM only', async () => {
    expect(await hostile("return this.constructor.constructor('return process')()")).toMatchObject({
      ok: false,
      error: { kind: 'error', message: "ReferenceError: 'process' is not defined" },
    });
    expect(await hostile("return log.constructor('return typeof require')()")).toMatchObject({ value: 'undefined' });
  });

  test('no module loading', async () => {
    expect(await hostile("return import('fs')")).toMatchObject({
      ok: false,
      error: { kind: 'error', message: "ReferenceError: could not load module 'fs'" },
    });
  });

  test('no Node or browser globals', async () => {
    const probe =
      'return [typeof globalThis.require, typeof process, typeof setTimeout, typeof fetch, typeof console, typeof module]';
    expect(await hostile(probe)).toMatchObject({ ok: true, value: Array(6).fill('undefined') });
  });

  test('the globals are ECMAScript built-ins (and QuickJS InternalError) plus input, records and log', async () => {
    const outcome = await hostile('return Object.getOwnPropertyNames(globalThis).sort()');
    expect(outcome).toMatchObject({
      ok: true,
      value: [...ECMASCRIPT_GLOBALS, 'InternalError', 'input', 'log', 'records'].sort(),
    });
  });
});

/** The global object's own properties in ECMAScript 2025 (with Float16Array and Iterator), as QuickJS has them. */
const ECMASCRIPT_GLOBALS = [
  ...['AggregateError', 'Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'],
  ...['Array', 'ArrayBuffer', 'BigInt', 'Boolean', 'DataView', 'Date', 'FinalizationRegistry', 'Function'],
  ...['Iterator', 'JSON', 'Map', 'Math', 'Number', 'Object', 'Promise', 'Proxy', 'Reflect', 'RegExp', 'Set'],
  ...['SharedArrayBuffer', 'String', 'Symbol', 'WeakMap', 'WeakRef', 'WeakSet'],
  ...['BigInt64Array', 'BigUint64Array', 'Float16Array', 'Float32Array', 'Float64Array', 'Int8Array', 'Int16Array'],
  ...['Int32Array', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array'],
  ...['decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'eval'],
  ...['globalThis', 'Infinity', 'NaN', 'undefined', 'isFinite', 'isNaN', 'parseFloat', 'parseInt'],
];

describe('output and host calls', () => {
  test('a huge result is kind output', async () => {
    expect(await hostile("return 'x'.repeat(5e6)")).toMatchObject({
      ok: false,
      error: { kind: 'output', message: 'script result is larger than 256 KiB of JSON' },
    });
  });

  test('a host call that does not answer before the deadline', async () => {
    const stuck: ScriptHost = {
      find: () => new Promise((resolve) => setTimeout(() => resolve([]), 3000).unref()),
      create: async () => ({}),
      update: async () => ({}),
    };
    const outcome = await hostile("log('asking');\nrecords.find('deal', {});\nreturn 'answered'", 1500, {
      host: stuck,
    });
    expect(outcome).toMatchObject({ ...timeout, logs: ['asking'], usage: { queries: 1 } });
  });

  test('a script that catches the deadline error of a host call is still stopped', async () => {
    const stuck: ScriptHost = {
      find: () => new Promise(() => undefined),
      create: async () => ({}),
      update: async () => ({}),
    };
    const outcome = await hostile("try { records.find('deal', {}) } catch (e) {}\nreturn 'escaped'", 1500, {
      host: stuck,
    });
    expect(outcome).toMatchObject(timeout);
  });
});

describe('afterwards', () => {
  test('the runner still answers normal scripts quickly', async () => {
    const started = Date.now();
    const outcomes = await Promise.all([1, 2, 3].map((a) => runner.run({ code: 'return input.a + 1', input: { a } })));
    expect(outcomes.map((outcome) => outcome.ok && outcome.value)).toEqual([2, 3, 4]);
    expect(Date.now() - started).toBeLessThan(200);
  });
});
