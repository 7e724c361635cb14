import { Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A webhook trigger's secret URL (the server's `webhookPath` on this studio's origin, which serves the API)
 * with a copy button. Until the workflow is saved with a webhook trigger there is no URL yet: a hint says so.
 */
export function WebhookUrl({ path, saved }: { path: string | null | undefined; saved: boolean }) {
  const { t } = useTranslation();
  if (!path || !saved)
    return (
      <Text size="sm" c="dimmed" data-testid="webhook-unsaved">
        {t('flow.manage.webhookUnsaved')}
      </Text>
    );
  const url = `${window.location.origin}${path}`;
  return (
    <Stack gap={4}>
      <Group gap="xs" align="end" wrap="nowrap">
        <TextInput
          label={t('flow.manage.webhookUrl')}
          value={url}
          readOnly
          style={{ flex: 1, minWidth: 0 }}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'default'}
              color={copied ? 'teal' : undefined}
              onClick={copy}
              aria-label={t('flow.manage.copy')}
            >
              {copied ? t('flow.manage.copied') : t('flow.manage.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('flow.manage.webhookHint')}
      </Text>
    </Stack>
  );
}
