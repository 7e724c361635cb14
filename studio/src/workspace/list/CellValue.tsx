import { Anchor, type MantineTheme } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { CSSProperties, JSX } from 'react';
import { Link } from 'react-router';
import { namedType, relationTarget, type WorkspaceField, type WorkspaceObject } from '../record-api';
import type { OptionLook } from './columns';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, type Money } from '../format';
import { formatAddress, formatAutonumber } from './format';
import classes from './RecordTable.module.css';

/**
 * What every cell of a list shares, made once per list (and language): cells read it instead of calling hooks,
 * since a scroll through 10,000 records renders thousands of them.
 */
export interface CellContext {
  readonly objects: readonly WorkspaceObject[];
  /** Option labels and colours of select fields, by field name. */
  readonly options: ReadonlyMap<string, ReadonlyMap<string, OptionLook>>;
  readonly language: string;
  readonly t: TFunction;
  /** The CSS variables of a light badge in an option's colour (as Mantine's `Badge` sets them). */
  readonly badgeVars: (color: string | null) => CSSProperties;
}

/**
 * `badgeVars` of a theme: each colour resolved once through the theme's variant colour resolver, the way
 * `<Badge variant="light" color={color}>` resolves it on every render.
 */
export function badgeVarsOf(theme: MantineTheme): (color: string | null) => CSSProperties {
  const known = new Map<string, CSSProperties>();
  return (color) => {
    const key = color ?? 'gray';
    let vars = known.get(key);
    if (!vars) {
      const colors = theme.variantColorResolver({ color: key, theme, variant: 'light' });
      vars = {
        '--badge-bg': colors.background,
        '--badge-color': colors.color,
        '--badge-bd': colors.border,
      } as CSSProperties;
      known.set(key, vars);
    }
    return vars;
  };
}

/**
 * A select's option as a light badge: one element drawn by `.badge` (RecordTable.module.css) as Mantine's
 * `<Badge variant="light">` looks, in the option's colour.
 */
function OptionBadge({ look, value, ctx }: { look: OptionLook | undefined; value: string; ctx: CellContext }) {
  return (
    <span className={classes.badge} style={ctx.badgeVars(look?.color ?? null)}>
      {look?.label ?? value}
    </span>
  );
}

/** A related record as a link to its page (users have none: their name or email). */
function RelatedValue({
  field,
  value,
  ctx,
}: {
  field: WorkspaceField;
  value: Record<string, unknown>;
  ctx: CellContext;
}) {
  const target = relationTarget(field);
  if (target === 'user') return <>{String(value['name'] ?? value['email'] ?? '')}</>;
  const title = ctx.objects.find((o) => o.name === target)?.titleField;
  const text = (title && typeof value[title] === 'string' && value[title]) || String(value['id']);
  return (
    <Anchor component={Link} size="sm" to={`/o/${target}/${String(value['id'])}`} onClick={(e) => e.stopPropagation()}>
      {text}
    </Anchor>
  );
}

/** One value of a record as its field type shows it, in the user's language. */
export function CellValue({
  field,
  value,
  ctx,
}: {
  field: WorkspaceField;
  value: unknown;
  ctx: CellContext;
}): JSX.Element | null {
  const { t, language } = ctx;
  if (value === null || value === undefined || value === '') return null;
  const type = namedType(field.graphqlType ?? '');
  switch (field.type) {
    case 'select':
      return <OptionBadge look={ctx.options.get(field.name)?.get(String(value))} value={String(value)} ctx={ctx} />;
    case 'multiSelect':
      return (
        <span className={classes.badges}>
          {(value as string[]).map((v) => (
            <OptionBadge key={v} look={ctx.options.get(field.name)?.get(v)} value={v} ctx={ctx} />
          ))}
        </span>
      );
    case 'boolean':
      return <>{value ? t('common.yes') : t('common.no')}</>;
    case 'rating': {
      const max = (field.settings as { max?: number } | null)?.max ?? 5;
      const n = Number(value);
      const label = t('list.rating', { value: n, max });
      // One element: the stars are a mask over two colours (RecordTable.module.css), no text to lay out.
      const stars = { '--rating-max': max, '--rating-value': Math.max(0, Math.min(max, n)) } as CSSProperties;
      return <span className={classes.rating} role="img" aria-label={label} title={label} style={stars} />;
    }
    case 'percent':
      return <>{formatPercent(Number(value), language)}</>;
    case 'autonumber':
      return <>{formatAutonumber(Number(value), field.settings)}</>;
    case 'url':
      return (
        <Anchor href={String(value)} size="sm" target="_blank" rel="noreferrer" onClick={(e) => e.stopPropagation()}>
          {String(value)}
        </Anchor>
      );
    case 'relation':
      return <RelatedValue field={field} value={value as Record<string, unknown>} ctx={ctx} />;
  }
  // Stored and computed values alike, by the type the API answers (formulas and rollups have their result's).
  if (type === 'Currency') return <>{formatMoney(value as Money, language)}</>;
  if (type === 'Float' || type === 'Int') return <>{formatNumber(Number(value), language)}</>;
  if (type === 'Date') return <>{formatDate(String(value), language)}</>;
  if (type === 'DateTime') return <>{formatDateTime(String(value), language)}</>;
  if (type === 'Boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (type === 'Address') return <>{formatAddress(value as Record<string, unknown>)}</>;
  if (typeof value === 'object') return <>{JSON.stringify(value)}</>;
  return <>{String(value)}</>;
}
