import { Alert, Badge, Code, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A dry run's plan as the server answers it (ManifestPlan): printable changes, the destructive ones among them. */
export interface PlanShape {
  readonly changes: readonly string[];
  readonly destructive: readonly string[];
}

/**
 * The changes a metadata change will make, destructive ones marked (data goes to the trash), with a warning
 * when there are any. `title` names the list for screen readers.
 */
export function PlanView({ plan, title }: { plan: PlanShape; title: string }) {
  const { t } = useTranslation();
  const destructive = new Set(plan.destructive);
  if (plan.changes.length === 0) return <Text size="sm">{t('objects.plan.nothing')}</Text>;
  return (
    <>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <List size="sm" aria-label={title} spacing={4} listStyleType="none" ml={0} pl={0}>
        {plan.changes.map((change, i) => (
          <List.Item key={`${i}:${change}`} data-destructive={destructive.has(change) || undefined}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Code
                c={destructive.has(change) ? 'red' : undefined}
                style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
              >
                {change}
              </Code>
              {destructive.has(change) && (
                <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
                  {t('objects.plan.destructiveBadge')}
                </Badge>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      {plan.destructive.length > 0 && (
        <Alert color="orange" title={t('fields.delete.destructive')}>
          {t('objects.plan.trash')}
        </Alert>
      )}
    </>
  );
}
