import { badInput } from '../errors';
import type { ObjectDef } from '../model/model';
import { ident, join, raw, sql, type Fragment } from '../sql/sql';

/**
 * Full-text search over an object's searchable fields with PostgreSQL's `simple` configuration: no
 * language-specific stemming, so Georgian, Cyrillic and Latin text all tokenize the same way. Each word
 * matches as a prefix (`tbil` finds "Tbilisi"); every word must appear in one field. Each field has its
 * own GIN index (`fts_<key>`), so the OR over fields is a bitmap OR of index scans.
 */
export function searchCondition(
  object: ObjectDef,
  text: string,
  alias: string,
  readable: (field: string) => boolean = () => true,
): Fragment | null {
  // Marks (\p{M}) belong to their word: Devanagari vowel signs, decomposed accents.
  const words = (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  ).slice(0, 16);
  if (words.length === 0) return null;
  const fields = object.fields.filter((f) => f.searchable && f.columns[0] && readable(f.name));
  if (fields.length === 0) throw badInput({ path: 'search', message: `${object.name} has no searchable fields` });
  // Words hold only letters and digits, so quoting them as lexemes is safe; the query is still a parameter.
  const query = words.map((w) => `'${w}':*`).join(' & ');
  const matches = fields.map(
    (f) =>
      sql`to_tsvector('simple', coalesce(${raw(alias)}.${ident(f.columns[0]!)}, '')) @@ to_tsquery('simple', ${query})`,
  );
  return sql`(${join(matches, ' OR ')})`;
}
