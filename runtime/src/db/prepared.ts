import { createHash } from 'node:crypto';
import type { Model } from '../model/model';
import type { QueryOptions } from './db';

/**
 * A prepared-statement name for a read whose text is built from a model: tied to the model's revision, so
 * after any metadata change (a column retyped, say) the statement is prepared anew rather than reused.
 * Names stay under PostgreSQL's 63 bytes.
 */
export function preparedRead(model: Model, text: string): QueryOptions {
  const hash = createHash('sha1').update(model.schema).update('\0').update(text).digest('base64url').slice(0, 22);
  return { prepare: `r${model.revision}_${hash}` };
}
