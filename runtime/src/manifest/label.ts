import { z } from 'zod';

const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * A label: text, or text per locale (`{ "en": "Deal", "ka": "გარიგება" }`, locale tags like `en`, `pt-BR`).
 * Problems are reported at the locale key (`label.EN: must be a locale tag…`).
 */
export const labelSchema = z.union([z.string(), z.record(z.string(), z.unknown())]).superRefine((label, ctx) => {
  const check = (text: unknown, path: string[]) => {
    if (typeof text !== 'string' || text.length === 0 || text.length > 200) {
      ctx.addIssue({ code: 'custom', path, message: 'must be a text of 1 to 200 characters' });
    }
  };
  if (typeof label === 'string') return check(label, []);
  const entries = Object.entries(label);
  if (entries.length === 0) ctx.addIssue({ code: 'custom', message: 'needs at least one translation' });
  for (const [locale, text] of entries) {
    if (!LOCALE.test(locale))
      ctx.addIssue({ code: 'custom', path: [locale], message: 'must be a locale tag like "en" or "pt-BR"' });
    else check(text, [locale]);
  }
}) as unknown as z.ZodType<string | Record<string, string>>;
