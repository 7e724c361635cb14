/**
 * What the access log must not hold. Headers are redacted by path (app.ts); a webhook's secret is part of
 * its URL (`/hooks/<workspace>/<workflow>/<secret>`), so whoever reads the logs could otherwise call it.
 */
const WEBHOOK_PATH = /^(\/hooks\/[^/?#]+\/[^/?#]+\/)[^/?#]+/;

/** The URL with a webhook's secret replaced by `…` (other URLs unchanged). */
export function redactUrl(url: string): string {
  return url.replace(WEBHOOK_PATH, '$1…');
}

/** A logged request (pino's serialized `req`) with a webhook secret out of its URL and route params. */
export function redactRequest<R extends { url?: unknown; params?: unknown }>(req: R): R {
  const out = { ...req };
  if (typeof out.url === 'string') out.url = redactUrl(out.url);
  if (out.params && typeof out.params === 'object' && 'secret' in out.params)
    out.params = { ...out.params, secret: '…' };
  return out;
}
