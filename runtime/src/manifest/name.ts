import { z } from 'zod';
import { NAME_PATTERN } from './manifest';

/** An API name (objects, fields, roles…): `^[a-z][a-zA-Z0-9]{0,62}$` (CONTRACT.md). */
export const nameSchema = z
  .string({ error: 'must be a string' })
  .regex(NAME_PATTERN, 'must match ^[a-z][a-zA-Z0-9]{0,62}$ (a letter, then letters and digits, at most 63)');
