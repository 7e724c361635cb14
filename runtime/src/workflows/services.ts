import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type { Db } from '../db/db';
import type { ScriptRunner } from '../scripts';
import type { RunActor, TriggerEvent } from './run-model';

/**
 * What steps reach beyond the database, passed in (STYLE.md principle 3) so that tests and deployments
 * choose them: the script sandbox, an SMTP transport, the HTTP allow-list, and starting other runs.
 */
export interface OutgoingMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string | undefined;
  /** Derived from the step's idempotency key, so a retried send can be recognised as the same message. */
  readonly messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ readonly messageId: string; readonly accepted: readonly string[] }>;
}

export interface StartRunRequest {
  readonly workflow: string;
  readonly trigger: TriggerEvent;
  readonly actor?: RunActor | undefined;
  readonly depth: number;
  readonly parentRunId?: string | undefined;
  readonly triggerKey?: string | undefined;
}

export interface EngineServices {
  readonly scripts: ScriptRunner;
  readonly mailer: Mailer | null;
  readonly mailFrom: string;
  /** Hosts `httpRequest` may call: `api.example.com`, `*.example.com`, `127.0.0.1:8080`. */
  readonly httpAllowHosts: readonly string[];
  /** Starts a run in `db`'s transaction (a child workflow). */
  startRun(db: Db, workspace: string, request: StartRunRequest): Promise<{ readonly id: string } | null>;
}

/** How long an SMTP send may wait, in milliseconds (nodemailer's own defaults are 2 minutes to 1 hour). */
export interface SmtpTimeouts {
  /** To open the connection. */
  readonly connectionTimeout?: number;
  /** For the server's greeting once connected. */
  readonly greetingTimeout?: number;
  /** Of silence on an open connection. */
  readonly socketTimeout?: number;
}

/**
 * A send runs inside its run's segment, holding a database connection (the only one, embedded), so it
 * must give up soon; the step then fails as retryable and is retried with backoff.
 */
export const SMTP_TIMEOUTS: Required<SmtpTimeouts> = Object.freeze({
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
});

/**
 * An SMTP mailer from a URL (`smtp://user:pass@host:587`, `smtps://…`), through nodemailer, with the
 * timeouts of SMTP_TIMEOUTS unless `timeouts` or the URL's query (`?socketTimeout=60000`) say otherwise.
 * A timeout rejects like a lost connection (`code: 'ETIMEDOUT'`, no SMTP reply code).
 *
 * @example
 *   const mailer = smtpMailer(process.env.SMTP_URL!);
 */
export function smtpMailer(url: string, timeouts: SmtpTimeouts = {}): Mailer {
  // Parsed here: given a `url`, nodemailer would drop every other option. The URL's query comes last.
  const transport = nodemailer.createTransport({ ...SMTP_TIMEOUTS, ...timeouts, ...parseConnectionUrl(url) });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: mail.messageId,
      });
      return { messageId: info.messageId, accepted: info.accepted.map(String) };
    },
  };
}

/** Whether a URL's host is on the allow-list (exact host, host:port, or `*.` a domain's subdomains). */
export function hostAllowed(url: URL, allow: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  const hostPort = `${host}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  return allow.some((entry) => {
    const rule = entry.trim().toLowerCase();
    if (!rule) return false;
    if (rule.startsWith('*.')) return host.endsWith(rule.slice(1));
    return rule.includes(':') ? rule === hostPort : rule === host;
  });
}
