import { z } from 'zod';

/** A label: text, or text per locale (`{ "en": "Deal", "ka": "გარიგება" }`, locale tags like `en`, `pt-BR`). */
export const labelSchema = z.union([
  z.string().min(1).max(200),
  z
    .record(
      z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale tag like "en" or "pt-BR"'),
      z.string().min(1).max(200),
    )
    .refine((map) => Object.keys(map).length > 0, 'needs at least one translation'),
]);
