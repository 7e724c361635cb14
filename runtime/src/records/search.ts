import { badInput } from '../errors';
import { getCountryCallingCode, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import type { FieldDef, ObjectDef } from '../model/model';
import { ident, join, raw, sql, type Fragment } from '../sql/sql';

/**
 * Full-text search over an object's searchable fields with PostgreSQL's `simple` configuration: no
 * language-specific stemming, so Georgian, Cyrillic and Latin text all tokenize the same way. Each word
 * matches as a prefix (`tbil` finds "Tbilisi"); every word must appear in one field. Each field has its
 * own GIN index (`fts_<key>`), so the OR over fields is a bitmap OR of index scans.
 *
 * A phone is stored in E.164 (`+995599123456`), one lexeme with its `+`: a search made only of a number's
 * characters (`+995 599 12-34`, `599123`) matches it as the prefix of that lexeme, written internationally
 * or, for a field with a `defaultCountry`, nationally (`0599 12 34` → `+995599 1234`).
 *
 * PostgreSQL's parser keeps an e-mail address as one lexeme (`nino.beridze@example.ge`), which the words of
 * a search (`nino`, `beridze`, `example`, `ge`) cannot all match: an e-mail field also matches the whole
 * search as the beginning of that lexeme, tokenized as the parser tokenizes addresses (a whole address, even
 * one it splits, such as `sean.o'brien@…`) and as it was typed (the beginning of one: `nino.beridze@exa`).
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
  const address = addressQuery(text);
  const matches = fields.flatMap((f) => {
    const vector = sql`to_tsvector('simple', coalesce(${raw(alias)}.${ident(f.columns[0]!)}, ''))`;
    if (f.type === 'phone') {
      const phone = phoneQuery(text, f);
      return phone === null ? [] : [sql`${vector} @@ to_tsquery('simple', ${phone})`];
    }
    if (f.type === 'email' && address !== null)
      return [
        sql`${vector} @@ (to_tsquery('simple', ${query}) || to_tsquery('simple', ${address}) || ${address}::tsquery)`,
      ];
    return [sql`${vector} @@ to_tsquery('simple', ${query})`];
  });
  return matches.length ? sql`(${join(matches, ' OR ')})` : raw('FALSE');
}

/** A phone number's characters: digits, spaces, `+ - . ( )` and `/`. */
const PHONE_TEXT = /^[\d\s+\-.()/]+$/;

/**
 * The tsquery of a phone field for a search, or null when the search is not a number (a name cannot match
 * a phone): the E.164 prefixes the digits can stand for, OR-ed (digits only, so quoting them is safe).
 */
function phoneQuery(text: string, field: FieldDef): string | null {
  const trimmed = text.trim();
  if (!PHONE_TEXT.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 0) return null;
  const prefixes = new Set([`+${digits}`]);
  const country = field.settings.defaultCountry as CountryCode | undefined;
  if (country && !trimmed.startsWith('+') && isSupportedCountry(country)) {
    // The national form: a trunk prefix 0 (most of Europe) is not part of the international number.
    prefixes.add(`+${getCountryCallingCode(country)}${digits.replace(/^0/, '')}`);
  }
  return [...prefixes].map((p) => `'${p}':*`).join(' | ');
}

/**
 * The whole search as one prefix lexeme (quotes and backslashes doubled, as tsquery quoting wants), or null
 * when it cannot be (the beginning of) an address: it has spaces, or is longer than an address may be.
 */
function addressQuery(text: string): string | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || /\s/.test(trimmed) || trimmed.length > 254) return null;
  return `'${trimmed.replace(/['\\]/g, (c) => c + c)}':*`;
}
