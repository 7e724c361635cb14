import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { conditionFieldsOf } from '../components/condition-fields';
import { FormProblems } from '../designer/FormProblems';
import { graphql } from '../gql';
import type { RoleEditorQuery } from '../gql/graphql';
import { messagesAt, problemsOf, unclaimed, withoutPath, type Problem } from '../graphql/problems';
import { CellEditorModal } from './CellEditorModal';
import { KeptRulesEditor } from './KeptRulesEditor';
import { PermissionMatrix, useCellName } from './PermissionMatrix';
import { draftOf, nameProblem, roleInput, type RoleData, type RoleDraft } from './role-draft';
import { placeRuleProblems } from './rule-problems';
import { withCell, type MatrixAction, type RuleOrigin } from './rules-matrix';

const SaveRoleDocument = graphql(`
  mutation SaveRole($input: JSON!) {
    saveRole(input: $input) {
      applied
      revision
      changes
    }
  }
`);

const DeleteRoleDocument = graphql(`
  mutation DeleteRole($name: String!) {
    deleteRole(name: $name) {
      applied
      revision
    }
  }
`);

/** Roles are listed by the `roles` query (type Role); a ManifestPlan does not say so. */
const ROLE_TYPENAMES = ['Role', 'Revision'];
const CLAIMED = ['input.name', 'input.label', 'input.description', 'input.rules'];

type ObjectMeta = RoleEditorQuery['objects'][number];

/** The role form: name, label, description, the permission matrix and the rules kept as JSON. */
export function RoleEditor(props: { role: RoleData | undefined; objects: readonly ObjectMeta[]; reread: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const cellName = useCellName();
  const objectNames = useMemo(() => props.objects.map((o) => o.name), [props.objects]);
  const [draft, setDraft] = useState<RoleDraft>(() => draftOf(props.role, objectNames, i18n.language));
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [origins, setOrigins] = useState<readonly RuleOrigin[]>([]);
  const [open, setOpen] = useState<{ object: string; action: MatrixAction } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The revision of the last save, shown beside the button until the next edit (a new role's first save
  // arrives with the navigation to its own address).
  const location = useLocation();
  const [savedRevision, setSavedRevision] = useState<string | null>(
    () => (location.state as { savedRevision?: string } | null)?.savedRevision ?? null,
  );
  const [{ fetching: saving }, saveRole] = useMutation(SaveRoleDocument);
  const [{ fetching: deleting }, deleteRole] = useMutation(DeleteRoleDocument);
  const isNew = props.role === undefined;

  const placed = useMemo(() => placeRuleProblems(problems, origins), [problems, origins]);
  const cellMessages = useMemo(
    () => new Map([...placed.cells].map(([cell, p]) => [cell, p.all] as const)),
    [placed.cells],
  );
  const openObject = open ? props.objects.find((o) => o.name === open.object) : undefined;
  const nameError = messagesAt(problems, 'input.name');

  const edit = (change: Partial<RoleDraft>, path?: string) => {
    setSavedRevision(null);
    setDraft((d) => ({ ...d, ...change }));
    if (path) setProblems((ps) => withoutPath(ps, path));
  };
  const editCell = (object: string, action: MatrixAction, cell: Parameters<typeof withCell>[3]) => {
    setSavedRevision(null);
    setDraft((d) => ({ ...d, matrix: withCell(d.matrix, object, action, cell) }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = nameProblem(draft.name.trim());
    if (local) {
      setProblems([{ path: 'input.name', message: t(`access.editor.name_${local}`) }]);
      return;
    }
    const { input, origins: sent } = roleInput(draft, props.role, objectNames, i18n.language);
    const result = await saveRole({ input }, { additionalTypenames: ROLE_TYPENAMES });
    setOrigins(sent);
    if (result.error) {
      setProblems(problemsOf(result.error));
      props.reread(); // the list of roles and this role as the server has them, never a state it does not have
      return;
    }
    setProblems([]);
    const revision = String(result.data?.saveRole.revision ?? '—');
    setSavedRevision(revision);
    if (isNew) void navigate(`/roles/${String(input.name)}`, { replace: true, state: { savedRevision: revision } });
  };

  const remove = async () => {
    const result = await deleteRole({ name: draft.name }, { additionalTypenames: ROLE_TYPENAMES });
    if (result.error) {
      setConfirmDelete(false);
      setProblems(problemsOf(result.error));
      props.reread();
      return;
    }
    void navigate('/roles');
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('access.editor.form')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('access.editor.name')}
            description={t('access.editor.nameHint')}
            name="name"
            required
            readOnly={!isNew}
            value={draft.name}
            onChange={(e) => edit({ name: e.currentTarget.value }, 'input.name')}
            error={nameError}
          />
          <TextInput
            label={t('access.editor.label')}
            name="label"
            value={draft.label}
            onChange={(e) => edit({ label: e.currentTarget.value }, 'input.label')}
            error={messagesAt(problems, 'input.label')}
          />
        </SimpleGrid>
        <Textarea
          label={t('access.editor.description')}
          name="description"
          autosize
          minRows={2}
          value={draft.description}
          onChange={(e) => edit({ description: e.currentTarget.value }, 'input.description')}
          error={messagesAt(problems, 'input.description')}
        />
        <Title order={3} size="h4">
          {t('access.matrix.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('access.matrix.hint')}
        </Text>
        <PermissionMatrix
          objects={props.objects}
          matrix={draft.matrix}
          problems={cellMessages}
          onToggle={(object, action, allowed) => {
            const cell = draft.matrix.cells[object]?.[action] ?? {};
            editCell(object, action, { ...cell, allow: allowed ? (cell.allow ?? {}) : undefined });
          }}
          onOpen={(object, action) => setOpen({ object, action })}
        />
        <KeptRulesEditor
          kept={draft.matrix.kept}
          problems={placed.kept}
          onChange={(kept) => setDraft((d) => ({ ...d, matrix: { ...d.matrix, kept } }))}
        />
        <FormProblems problems={unclaimed(problems, CLAIMED)} title={t('common.notSaved')} />
        {problems.length > 0 && (
          <Text size="sm" c="red" role="status">
            {t('access.editor.failed')}
          </Text>
        )}
        <Group justify="space-between">
          {!isNew ? (
            <Button variant="outline" color="red" onClick={() => setConfirmDelete(true)}>
              {t('access.editor.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            {savedRevision !== null && (
              <Text size="sm" c="green" role="status">
                {t('access.editor.saved', { revision: savedRevision })}
              </Text>
            )}
            <Button type="submit" loading={saving}>
              {t('access.editor.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
      {openObject && open && (
        <CellEditorModal
          opened
          title={cellName(openObject, open.action)}
          cell={draft.matrix.cells[open.object]?.[open.action] ?? {}}
          conditionFields={conditionFieldsOf(openObject.fields, i18n.language)}
          fieldNames={openObject.fields.map((f) => ({ value: f.name, label: `${f.label} (${f.name})` }))}
          problems={placed.cells.get(`${open.object}:${open.action}`)}
          action={open.action}
          onChange={(cell) => editCell(open.object, open.action, cell)}
          onClose={(copyTo) => {
            const cell = draft.matrix.cells[open.object]?.[open.action] ?? {};
            for (const action of copyTo) editCell(open.object, action, cell);
            setOpen(null);
          }}
        />
      )}
      <Modal
        opened={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={t('access.editor.deleteTitle', { name: draft.name })}
      >
        <Stack>
          <Text>{t('access.editor.deleteExplained')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={deleting} onClick={() => void remove()}>
              {t('access.editor.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
