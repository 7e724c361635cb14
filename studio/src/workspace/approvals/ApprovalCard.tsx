import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { localized } from '../../components/localized';
import { formatDateTime, relativeTime } from '../format';
import { DecideApprovalDocument } from './documents';
import type { PendingApproval } from './use-approvals';

/** What a person reads first: the step's message, else its label, else which workflow asks. */
export function approvalTitle(approval: PendingApproval, language: string, untitled: (workflow: string) => string) {
  const workflow = localized(approval.workflowLabel, language, approval.workflow);
  return approval.message || localized(approval.stepLabel, language, '') || untitled(workflow);
}

/**
 * One pending approval: what is asked, of whom, about which record, since and until when; a comment and
 * Approve / Reject. A decision the server refuses shows its words here and leaves the card as it was (the
 * comment kept); one it accepts makes the inbox read the server again, where the approval is gone.
 */
export function ApprovalCard(props: {
  approval: PendingApproval;
  me: string;
  highlighted: boolean;
  /** After the server accepted a decision: read the inbox again. */
  onDecided: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { approval, me } = props;
  const [comment, setComment] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const [, decide] = useMutation(DecideApprovalDocument);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (props.highlighted) ref.current?.scrollIntoView({ block: 'center' });
  }, [props.highlighted]);

  const title = approvalTitle(approval, i18n.language, (workflow) => t('approvals.untitled', { workflow }));
  const workflow = localized(approval.workflowLabel, i18n.language, approval.workflow);
  // A step's id means something to the workflow's designer, not to the person asked: only a label is shown.
  const step = localized(approval.stepLabel, i18n.language, '');
  const overdue = approval.dueAt !== null && approval.dueAt !== undefined && Date.parse(approval.dueAt) < Date.now();
  const assignee =
    approval.userId === me
      ? t('approvals.assignedToYou')
      : approval.role
        ? t('approvals.assignedToRole', { role: localized(approval.roleLabel, i18n.language, approval.role) })
        : t('approvals.assignedToOther');
  const record = approval.record;

  const submit = async (approve: boolean) => {
    setDeciding(approve ? 'approve' : 'reject');
    setRefusal(null);
    const result = await decide({ id: approval.id, approve, comment: comment.trim() || null });
    setDeciding(null);
    if (result.error) {
      setRefusal(result.error.graphQLErrors[0]?.message ?? result.error.message);
      return;
    }
    props.onDecided();
    toasts.show({
      id: `approval-${approval.id}`,
      color: approve ? 'green' : 'gray',
      message: approve ? t('approvals.approved', { title }) : t('approvals.rejected', { title }),
    });
  };

  return (
    <Paper
      ref={ref}
      withBorder
      p="md"
      component="li"
      aria-label={t('approvals.item', { title })}
      data-approval={approval.id}
      data-highlighted={props.highlighted || undefined}
      style={props.highlighted ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h5" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {overdue && (
            <Badge color="red" variant="light">
              {t('approvals.overdue')}
            </Badge>
          )}
        </Group>
        {record && (
          <Text size="sm">
            {record.readable ? (
              <Anchor component={Link} to={`/o/${record.object}/${record.id}`}>
                {record.title || record.id}
              </Anchor>
            ) : (
              <Text span c="dimmed" size="sm">
                {t('approvals.recordHidden', { object: record.object, id: record.id })}
              </Text>
            )}
          </Text>
        )}
        <Group gap="md" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('approvals.workflow', { workflow })}
          </Text>
          {step && (
            <Text size="xs" c="dimmed">
              {t('approvals.step', { step })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {assignee}
          </Text>
          <Text size="xs" c="dimmed" title={formatDateTime(approval.assignedAt, i18n.language)}>
            {t('approvals.assignedAt', { when: relativeTime(approval.assignedAt, i18n.language) })}
          </Text>
          <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
            {approval.dueAt
              ? t('approvals.due', { when: formatDateTime(approval.dueAt, i18n.language) })
              : t('approvals.noDue')}
          </Text>
        </Group>
        <Textarea
          label={t('approvals.comment')}
          description={t('approvals.commentHint')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={6}
          maxLength={2000}
        />
        {refusal && (
          <Alert color="red" role="alert" p="xs">
            {t('approvals.failed', { message: refusal })}
          </Alert>
        )}
        <Group gap="xs">
          <Button
            color="green"
            onClick={() => void submit(true)}
            loading={deciding === 'approve'}
            disabled={deciding !== null}
          >
            {t('approvals.approve')}
          </Button>
          <Button
            color="red"
            variant="light"
            onClick={() => void submit(false)}
            loading={deciding === 'reject'}
            disabled={deciding !== null}
          >
            {t('approvals.reject')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
