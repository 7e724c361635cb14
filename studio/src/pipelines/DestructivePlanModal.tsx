import { Alert, Button, Code, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A dry run's answer to a save that removes stages, with how many records sit at them. */
export interface DestructivePlan {
  readonly changes: readonly string[];
  readonly destructive: readonly string[];
  /** Records holding a removed stage's value; null when they could not be counted. */
  readonly records: number | null;
}

/** Asks before a save that removes stages: the plan as the server made it, and the records it concerns. */
export function DestructivePlanModal(props: {
  plan: DestructivePlan | null;
  saving: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { plan } = props;
  return (
    <Modal opened={plan !== null} onClose={props.onClose} title={t('pipelines.plan.title')}>
      {plan && (
        <Stack>
          <Text size="sm">{t('pipelines.plan.intro')}</Text>
          <List size="sm" aria-label={t('pipelines.plan.intro')}>
            {plan.changes.map((change) => (
              <List.Item key={change}>
                <Code style={{ whiteSpace: 'pre-wrap' }}>{change}</Code>
              </List.Item>
            ))}
          </List>
          <Alert color="orange" title={t('pipelines.plan.destructive')}>
            {plan.records === null
              ? plan.destructive.join('; ')
              : plan.records === 0
                ? t('pipelines.plan.recordsNone')
                : t('pipelines.plan.records', { count: plan.records })}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={props.saving} onClick={props.onConfirm}>
              {t('pipelines.plan.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
