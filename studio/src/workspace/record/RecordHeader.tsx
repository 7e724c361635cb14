import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { recordTitle, type WorkspaceObject } from '../record-api';
import { WorkflowButtons } from './WorkflowButtons';
import { ConvertButton } from './convert/ConvertButton';

type Owner = { name?: string | null; email?: string } | null | undefined;

/**
 * The record's title (also the document's), its object, its owner, its Convert button and its manual workflow
 * buttons. Memoised: the record page re-renders as its timeline arrives.
 */
export const RecordHeader = memo(function RecordHeader(props: {
  object: WorkspaceObject;
  record: Record<string, unknown>;
  onWorkflowFinished: () => void;
}) {
  const { t } = useTranslation();
  const title = recordTitle(props.object, props.record);
  const owner = props.record['owner'] as Owner;
  return (
    <Stack gap={4}>
      <Anchor component={Link} to={`/o/${props.object.name}`} size="sm">
        {t('record.backToList', { plural: props.object.labelPlural })}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <PageTitle text={title}>
            <Group gap="sm" component="span">
              <span>{title}</span>
              <Badge variant="light" size="sm">
                {props.object.label}
              </Badge>
            </Group>
          </PageTitle>
          <Text size="sm" c="dimmed" mt={-12}>
            {t('record.owner')}: {owner ? owner.name || owner.email : t('record.noOwner')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <ConvertButton object={props.object} record={props.record} />
          <WorkflowButtons
            object={props.object.name}
            recordId={String(props.record['id'])}
            onFinished={props.onWorkflowFinished}
          />
        </Group>
      </Group>
    </Stack>
  );
});
