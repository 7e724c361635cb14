import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkflowDraft } from './graph';
import type { Refusal } from './use-workflow-editor';

/**
 * What the designer tells above the canvas: a save held back by problems, the server's refusal (its problems
 * that no node shows, and a way back to the draft that was refused), and an old version being viewed.
 */
export function DesignerNotices(props: {
  blockedBy: number;
  onUnblock: () => void;
  refusal: Refusal | null;
  serverProblems: { readonly byNode: ReadonlyMap<string, readonly string[]>; readonly general: readonly string[] };
  onDismissRefusal: () => void;
  onRestore: (draft: WorkflowDraft) => void;
  viewing: number | null;
  onBackToCurrent: () => void;
}) {
  const { t } = useTranslation();
  const { refusal } = props;
  return (
    <>
      {props.blockedBy > 0 && (
        <Alert
          color="red"
          role="alert"
          withCloseButton
          closeButtonLabel={t('flow.designer.dismiss')}
          onClose={props.onUnblock}
          title={t('common.notSaved')}
        >
          {t('flow.designer.fixFirst', { count: props.blockedBy })}
        </Alert>
      )}
      {refusal && (
        <Alert
          color="red"
          role="alert"
          title={t('flow.designer.refused')}
          withCloseButton
          closeButtonLabel={t('flow.designer.dismiss')}
          onClose={props.onDismissRefusal}
        >
          <Stack gap={4}>
            {props.serverProblems.general.map((message, i) => (
              <Text key={i} size="sm">
                {message}
              </Text>
            ))}
            {props.serverProblems.byNode.size > 0 && <Text size="sm">{t('flow.designer.refusedOnNodes')}</Text>}
            <Group>
              <Button size="xs" variant="default" onClick={() => props.onRestore(refusal.sent)}>
                {t('flow.designer.restoreDraft')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {props.viewing !== null && (
        <Alert color="blue" role="status" title={t('flow.versions.viewing', { version: props.viewing })}>
          <Button size="xs" variant="default" onClick={props.onBackToCurrent}>
            {t('flow.versions.backToCurrent')}
          </Button>
        </Alert>
      )}
    </>
  );
}
