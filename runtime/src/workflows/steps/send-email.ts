import { badInput, StratumError } from '../../errors';
import type { StepDef } from '../definition';
import { RetryableError, type StepHandler } from './step';

type EmailStep = Extract<StepDef, { type: 'sendEmail' }>;

const ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/**
 * `sendEmail`: a message through SMTP (SMTP_URL, nodemailer) with templates in `to`, `subject` and
 * `body` (text; HTML when it starts with `<`). The Message-ID derives from the step's idempotency key,
 * so a send retried after a crash is the same message. Connection failures and 4xx SMTP replies are
 * retried; 5xx replies fail the step.
 */
export const sendEmailStep: StepHandler<EmailStep> = {
  type: 'sendEmail',
  external: true,
  async execute(step, ctx) {
    const to = step.to
      .split(/[,;]/)
      .map((a) => a.trim())
      .filter(Boolean);
    const bad = to.find((address) => !ADDRESS.test(address));
    if (to.length === 0 || bad !== undefined)
      throw badInput({ path: `steps.${step.id}.to`, message: `"${bad ?? step.to}" is not an email address` });
    const html = step.body.trimStart().startsWith('<');
    const mail = {
      from: ctx.services.mailFrom,
      to: to.join(', '),
      subject: step.subject,
      text: html ? step.body.replace(/<[^>]+>/g, '') : step.body,
      ...(html ? { html: step.body } : {}),
      messageId: `<${ctx.idempotencyKey.replace(/[^a-zA-Z0-9.-]/g, '.')}@stratum>`,
    };
    if (ctx.dryRun) return { kind: 'done', output: null, meta: { notSent: mail } };
    const mailer = ctx.services.mailer;
    if (!mailer) throw new StratumError('BAD_USER_INPUT', 'sendEmail needs an SMTP server: set SMTP_URL');
    try {
      const sent = await mailer.send(mail);
      return { kind: 'done', output: { messageId: sent.messageId, accepted: sent.accepted } };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500)
        throw badInput({ path: `steps.${step.id}`, message: `SMTP refused the message: ${(error as Error).message}` });
      throw new RetryableError(`SMTP failed: ${(error as Error).message}`, { cause: error });
    }
  },
};
