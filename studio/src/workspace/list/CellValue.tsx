import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { namedType, relationTarget, type WorkspaceField, type WorkspaceObject } from '../record-api';
import type { OptionLook } from './columns';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, type Money } from '../format';
import { formatAddress, formatAutonumber } from './format';

export interface CellContext {
  readonly objects: readonly WorkspaceObject[];
  /** Option labels and colours of select fields, by field name. */
  readonly options: ReadonlyMap<string, ReadonlyMap<string, OptionLook>>;
}

function OptionBadge({ look, value }: { look: OptionLook | undefined; value: string }) {
  return (
    <Badge variant="light" color={look?.color ?? 'gray'} tt="none" style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {look?.label ?? value}
    </Badge>
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
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (value === null || value === undefined || value === '') return null;
  const type = namedType(field.graphqlType ?? '');
  switch (field.type) {
    case 'select':
      return <OptionBadge look={ctx.options.get(field.name)?.get(String(value))} value={String(value)} />;
    case 'multiSelect':
      return (
        <Group gap={4} wrap="nowrap">
          {(value as string[]).map((v) => (
            <OptionBadge key={v} look={ctx.options.get(field.name)?.get(v)} value={v} />
          ))}
        </Group>
      );
    case 'boolean':
      return <>{value ? t('common.yes') : t('common.no')}</>;
    case 'rating': {
      const max = (field.settings as { max?: number } | null)?.max ?? 5;
      const n = Number(value);
      return (
        <Text
          span
          c="yellow.7"
          aria-label={t('list.rating', { value: n, max })}
          title={t('list.rating', { value: n, max })}
        >
          {'★'.repeat(n)}
          <Text span c="gray.4">
            {'★'.repeat(Math.max(0, max - n))}
          </Text>
        </Text>
      );
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
