import { badInput, forbidden } from '../../errors';
import type { StepDef } from '../definition';
import { hostAllowed } from '../services';
import { RetryableError, type StepHandler } from './step';

type HttpStep = Extract<StepDef, { type: 'httpRequest' }>;

const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * `httpRequest`: calls an allow-listed host (STRATUM_HTTP_ALLOW) with a timeout and an `Idempotency-Key`
 * header that stays the same across retries. The response (`status`, `headers`, `body`: parsed JSON or
 * text, at most 1 MB) is the output. Network errors, timeouts, 429 and 5xx are retried with backoff;
 * other 4xx fail the step.
 */
export const httpRequestStep: StepHandler<HttpStep> = {
  type: 'httpRequest',
  external: true,
  async execute(step, ctx) {
    let url: URL;
    try {
      url = new URL(step.url);
    } catch {
      throw badInput({ path: `steps.${step.id}.url`, message: `"${step.url}" is not a URL` });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw badInput({ path: `steps.${step.id}.url`, message: 'only http and https URLs can be called' });
    if (!hostAllowed(url, ctx.services.httpAllowHosts))
      throw forbidden(`${url.host} is not on the HTTP allow-list (STRATUM_HTTP_ALLOW)`, `steps.${step.id}.url`);
    const method = step.method ?? (step.body === undefined ? 'GET' : 'POST');
    const body =
      step.body === undefined ? undefined : typeof step.body === 'string' ? step.body : JSON.stringify(step.body);
    const headers: Record<string, string> = {
      'idempotency-key': ctx.idempotencyKey,
      ...(body !== undefined && typeof step.body !== 'string' ? { 'content-type': 'application/json' } : {}),
      ...step.headers,
    };
    if (ctx.dryRun) return { kind: 'done', output: null, meta: { notSent: { method, url: url.href, headers, body } } };
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(step.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new RetryableError(`${method} ${url.host} failed: ${(error as Error).message}`, { cause: error });
    }
    const text = await readCapped(response);
    const output = {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: parseBody(text, response.headers.get('content-type')),
    };
    if (response.status === 429 || response.status >= 500)
      throw new RetryableError(`${method} ${url.host} answered ${response.status}`);
    if (response.status >= 400)
      throw badInput({
        path: `steps.${step.id}`,
        message: `${method} ${url.href} answered ${response.status}: ${text.slice(0, 200)}`,
      });
    return { kind: 'done', output };
  },
};

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw badInput({ path: 'response', message: `the response is larger than ${MAX_RESPONSE_BYTES} bytes` });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string | null): unknown {
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
