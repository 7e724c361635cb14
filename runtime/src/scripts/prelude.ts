/**
 * JavaScript that runs inside each fresh QuickJS context before the user's code: it defines the globals a
 * script may use (`input`, `records`, `log`) over two host functions, and returns the helpers the worker
 * uses afterwards (`serialize`, `describe`).
 *
 * Everything it relies on (JSON.parse, JSON.stringify, Reflect.apply, …) is captured here, before user
 * code runs, so a script that replaces built-ins (`JSON.stringify = …`, `Array.prototype.push = null`)
 * cannot break the sandbox's own plumbing — only its own values, as in any JavaScript program. `describe`
 * returns an array rather than JSON so that even `Object.prototype.toJSON` cannot change how an error is
 * read; its last element says whether the thrown value was null (see vm-errors.ts). A context lives for one run, so none of this leaks between runs.
 */
export const PRELUDE_FILE = 'stratum-prelude.js';

/** Called as `prelude(hostLog, hostCall, inputJson, lineLength)`; returns `{ serialize, describe }`. */
export const PRELUDE = String.raw`(function (hostLog, hostCall, inputJson, lineLength) {
  'use strict';
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const apply = Reflect.apply;
  const slice = String.prototype.slice;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  const hasOwn = Object.hasOwn;
  const toText = String;
  const HostError = Error;

  function show(value) {
    if (typeof value === 'string') return value;
    try {
      const json = stringify(value);
      if (json !== undefined) return json;
    } catch {}
    try {
      return toText(value);
    } catch {
      return '[unprintable value]';
    }
  }

  function log(...args) {
    let line = '';
    for (let i = 0; i < args.length && line.length <= lineLength; i++) line += (i === 0 ? '' : ' ') + show(args[i]);
    hostLog(apply(slice, line, [0, lineLength + 1]));
  }

  function call(method, args) {
    const reply = parse(hostCall(method, stringify(args)));
    if (!hasOwn(reply, 'error')) return reply.value;
    const error = new HostError(reply.error.message);
    defineProperty(error, 'code', { value: reply.error.code, writable: true, enumerable: true, configurable: true });
    throw error;
  }

  const records = freeze({
    find(object, options) {
      return call('find', [object, options === undefined ? {} : options]);
    },
    create(object, data) {
      return call('create', [object, data]);
    },
    update(object, id, data) {
      return call('update', [object, id, data]);
    },
  });

  const define = (name, value) => defineProperty(globalThis, name, { value, writable: true, configurable: true });
  define('input', parse(inputJson));
  define('records', records);
  define('log', log);

  return freeze({
    serialize(value) {
      const json = stringify(value);
      return json === undefined ? 'null' : json;
    },
    describe(error) {
      let name = '';
      let message = '';
      let stack = '';
      if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
        try {
          const n = error.name;
          const m = error.message;
          const s = error.stack;
          if (typeof n === 'string') name = n;
          if (typeof m === 'string') message = m;
          if (typeof s === 'string') stack = apply(slice, s, [0, 4000]);
        } catch {}
      }
      if (name === '' && message === '') message = 'Uncaught ' + apply(slice, show(error), [0, lineLength]);
      return [name, message, stack, error === null ? 'null' : ''];
    },
  });
})`;
