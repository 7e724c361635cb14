import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { definitionText } from './canonical';
import { intlLocales } from '../workspace/format';

export interface Version {
  readonly version: number;
  readonly createdAt: string;
  readonly definition: unknown;
}

/** The workflow's versions, newest first, the current one marked; any of them can be viewed on the canvas. */
export function VersionsPanel(props: {
  versions: readonly Version[];
  current: unknown;
  viewing: number | null;
  onView: (version: Version | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const currentText = definitionText(props.current);
  return (
    <Stack gap="xs" aria-label={t('flow.versions.title')}>
      {props.versions.length === 0 && <Text c="dimmed">{t('flow.versions.none')}</Text>}
      {props.versions.map((v) => {
        const isCurrent = definitionText(v.definition) === currentText;
        return (
          <Group key={v.version} justify="space-between" data-version={v.version} wrap="nowrap">
            <div>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {t('flow.versions.version', { version: v.version })}
                </Text>
                {isCurrent && (
                  <Badge size="xs" color="green">
                    {t('flow.versions.current')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {new Date(v.createdAt).toLocaleString(intlLocales(i18n.language))}
              </Text>
            </div>
            <Button
              size="xs"
              variant={props.viewing === v.version ? 'filled' : 'default'}
              onClick={() => props.onView(props.viewing === v.version || isCurrent ? null : v)}
              aria-label={t('flow.versions.view', { version: v.version })}
            >
              {props.viewing === v.version ? t('flow.versions.close') : t('flow.versions.show')}
            </Button>
          </Group>
        );
      })}
    </Stack>
  );
}
