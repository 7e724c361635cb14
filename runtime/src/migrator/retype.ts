import type { FieldDef } from '../model/model';

/**
 * What changing a field's type does to its data.
 * - `storage`: same columns, only validation changes (text → email narrows, email → text widens);
 * - `cast`: the main column changes type with a cast that never fails (invalid values become NULL, and
 *   the old column is kept in the trash, so a narrowing loses nothing for good);
 * - `impossible`: no sensible conversion (relation ↔ anything): add a new field instead.
 */
export type Retype =
  | { readonly kind: 'none' }
  | { readonly kind: 'storage'; readonly narrowing: boolean }
  | {
      readonly kind: 'cast';
      readonly narrowing: boolean;
      readonly sqlType: string;
      readonly using: (column: string) => string;
    }
  | { readonly kind: 'impossible'; readonly reason: string };

const TEXT_FAMILY = ['text', 'longText', 'richText'];
/** Types stored as text whose values are a subset of all strings. */
const CONSTRAINED_TEXT = ['email', 'phone', 'url', 'select'];
const NUMERIC = ['number', 'percent', 'currency'];
const COMPUTED = ['formula', 'rollup'];

const q = (column: string) => `"${column}"`;

export function classifyRetype(before: FieldDef, after: FieldDef): Retype {
  const retype = classify(before, after);
  if (after.type !== 'richText' || before.type === 'richText') return retype;
  if (retype.kind !== 'storage' && retype.kind !== 'cast') return retype;
  // Rich text is HTML: plain text becomes it escaped, so a "<script>" typed as text stays words on screen
  // (writes are sanitised by the record service; a retype bypasses it).
  const text = (column: string) => (retype.kind === 'cast' ? retype.using(column) : q(column));
  return cast(retype.kind === 'cast' && retype.narrowing, 'text', (column) => htmlOfText(text(column)));
}

/** `<p>text</p>` with `&`, `<` and `>` escaped and line breaks as `<br>`; NULL and '' stay as they are. */
function htmlOfText(value: string): string {
  const escaped = `replace(replace(replace(replace(${value}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), E'\\n', '<br>')`;
  return `CASE WHEN ${value} IS NULL OR ${value} = '' THEN ${value} ELSE '<p>' || ${escaped} || '</p>' END`;
}

function classify(before: FieldDef, after: FieldDef): Retype {
  const from = before.type;
  const to = after.type;
  if (from === 'relation' && to === 'relation') {
    const a = before.settings as { target?: string; many?: boolean; inverse?: string };
    const b = after.settings as { target?: string; many?: boolean; inverse?: string };
    if (a.target !== b.target || (a.many === true) !== (b.many === true) || a.inverse !== b.inverse) {
      return {
        kind: 'impossible',
        reason: "cannot change a relation's target, cardinality or inverse in place; add a new relation field",
      };
    }
  }
  if (from === to) return { kind: 'none' };
  // Formulas and rollups store nothing: one becomes the other by its metadata alone.
  if (COMPUTED.includes(from) && COMPUTED.includes(to)) return { kind: 'none' };
  if (COMPUTED.includes(from) || COMPUTED.includes(to)) {
    return {
      kind: 'impossible',
      reason: `cannot change a ${from} field into ${to}: a ${COMPUTED.includes(from) ? from : to} stores nothing; add a new field instead`,
    };
  }
  if (from === 'relation' || to === 'relation' || to === 'autonumber') {
    return {
      kind: 'impossible',
      reason: `cannot change a ${from} field into ${to}; add a new field and copy the data with a workflow`,
    };
  }
  const textual = (t: string) => TEXT_FAMILY.includes(t) || CONSTRAINED_TEXT.includes(t);
  if (textual(from) && textual(to)) return { kind: 'storage', narrowing: !TEXT_FAMILY.includes(to) };
  if ((from === 'address' || from === 'json') && (to === 'address' || to === 'json'))
    return { kind: 'storage', narrowing: to === 'address' };
  if (NUMERIC.includes(from) && NUMERIC.includes(to)) {
    if (to === 'currency' && !after.settings.currency) {
      return {
        kind: 'impossible',
        reason: 'a number becomes a currency only with a default "currency" for the existing amounts',
      };
    }
    return { kind: 'storage', narrowing: from === 'currency' };
  }
  if (TEXT_FAMILY.includes(to)) {
    if (from === 'multiSelect') return cast(false, 'text', (c) => `array_to_string(${q(c)}, ', ')`);
    if (from === 'json' || from === 'address') return cast(false, 'text', (c) => `${q(c)}::text`);
    return cast(from === 'currency', 'text', (c) => `${q(c)}::text`);
  }
  if (from === 'rating' && NUMERIC.includes(to)) return cast(false, 'numeric', (c) => `${q(c)}::numeric`);
  if (from === 'autonumber' && NUMERIC.includes(to)) return cast(false, 'numeric', (c) => `${q(c)}::numeric`);
  if (NUMERIC.includes(from) && to === 'rating') {
    const max = (after.settings.max as number | undefined) ?? 5;
    return cast(true, 'smallint', (c) => `CASE WHEN ${q(c)} BETWEEN 1 AND ${max} THEN round(${q(c)})::smallint END`);
  }
  if (textual(from) && NUMERIC.includes(to)) {
    return cast(
      true,
      'numeric',
      (c) => `CASE WHEN btrim(${q(c)}) ~ '^[-+]?[0-9]+(\\.[0-9]+)?$' THEN btrim(${q(c)})::numeric END`,
    );
  }
  if (textual(from) && to === 'date') {
    return cast(true, 'date', (c) => `CASE WHEN ${q(c)} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN ${q(c)}::date END`);
  }
  if (from === 'date' && to === 'datetime')
    return cast(false, 'timestamptz', (c) => `${q(c)}::timestamp AT TIME ZONE 'UTC'`);
  if (from === 'datetime' && to === 'date') return cast(true, 'date', (c) => `(${q(c)} AT TIME ZONE 'UTC')::date`);
  if (textual(from) && to === 'boolean') {
    return cast(
      true,
      'boolean',
      (c) =>
        `CASE lower(btrim(${q(c)})) WHEN 'true' THEN true WHEN 'yes' THEN true WHEN 'false' THEN false WHEN 'no' THEN false END`,
    );
  }
  if (from === 'select' && to === 'multiSelect')
    return cast(false, 'text[]', (c) => `CASE WHEN ${q(c)} IS NULL THEN NULL ELSE ARRAY[${q(c)}] END`);
  if (from === 'multiSelect' && to === 'select') return cast(true, 'text', (c) => `${q(c)}[1]`);
  return { kind: 'impossible', reason: `cannot change a ${from} field into ${to}; add a new field instead` };
}

function cast(narrowing: boolean, sqlType: string, using: (column: string) => string): Retype {
  return { kind: 'cast', narrowing, sqlType, using };
}
