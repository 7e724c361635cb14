import { Box, Drawer, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { localized } from '../components/localized';
import type { WorkflowQuery } from '../gql/graphql';
import { FlowCanvas } from './canvas/FlowCanvas';
import { definitionText } from './canonical';
import { TriggerObjectDocument } from './documents';
import { definitionEdges, earlierSteps, graphProblems, stepById, TRIGGER_NODE, type WorkflowDraft } from './graph';
import { useNodeData, useNodeProblems } from './node-data';
import { DesignerNotices } from './DesignerNotices';
import { DesignerToolbar } from './DesignerToolbar';
import { Palette } from './Palette';
import { RunHistoryPanel } from './runs/RunHistoryPanel';
import { stepStatuses, type Run } from './runs/RunDetails';
import { TestRunPanel } from './runs/TestRunPanel';
import { SettingsPanel } from './settings/SettingsPanel';
import { templateVariables } from './settings/variables';
import { ProblemList, SidePanel, type PanelTab } from './SidePanel';
import type { StepTypes } from './step-types';
import { useWorkflowEditor } from './use-workflow-editor';
import { VersionsPanel, type Version } from './VersionsPanel';

type Workflow = NonNullable<WorkflowQuery['workflow']>;
const NO_FIELDS: readonly { name: string; label: string }[] = [];
const NO_PROBLEMS: ReadonlyMap<string, readonly string[]> = new Map();

/**
 * `value` as it was while `key` stays the same: typing in a setting changes no link, so the canvas keeps the
 * same edges array and React Flow does not redraw its edges.
 */
function useSameWhile<T>(value: T, key: string): T {
  const kept = useRef({ key, value });
  if (kept.current.key !== key) kept.current = { key, value };
  return kept.current.value;
}

/** The workflow designer: toolbar, palette, canvas and side panel over one draft definition. */
export function Designer({ workflow, types }: { workflow: Workflow; types: StepTypes }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 62em)') ?? false;
  const editor = useWorkflowEditor(workflow, types);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<PanelTab>('settings');
  const [panelOpen, setPanelOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [layoutRequest, setLayoutRequest] = useState(0);
  const [viewing, setViewing] = useState<Version | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [blocked, setBlocked] = useState(false);

  const shown = (viewing?.definition as WorkflowDraft | undefined) ?? editor.draft;
  const readOnly = viewing !== null;
  const { edgeKeysOf, requiredEdgeKeysOf } = types;
  const allEdges = useMemo(() => definitionEdges(shown, edgeKeysOf), [shown, edgeKeysOf]);
  const edges = useSameWhile(
    useMemo(() => {
      const ids = new Set(shown.steps.map((s) => s.id));
      return allEdges.filter((e) => ids.has(e.target));
    }, [allEdges, shown]),
    allEdges.map((e) => `${e.id}>${e.target}`).join('|') + shown.steps.map((s) => s.id).join(','),
  );
  const graph = useMemo(
    () => graphProblems(shown, edgeKeysOf, requiredEdgeKeysOf),
    [shown, edgeKeysOf, requiredEdgeKeysOf],
  );
  const problems = useNodeProblems(shown, types, graph, readOnly ? NO_PROBLEMS : editor.serverProblems.byNode);
  const statuses = useMemo(() => stepStatuses(run), [run]);
  const nodeData = useNodeData(shown, types, problems, statuses);
  // What blocks saving: the studio's own checks. The server's last refusal is shown, and answered by an edit.
  const serverCount = [...editor.serverProblems.byNode.values()].reduce((n, list) => n + list.length, 0);
  const problemCount = [...problems.values()].reduce((n, list) => n + list.length, 0) - (readOnly ? 0 : serverCount);

  const triggerObject = typeof shown.trigger.object === 'string' ? shown.trigger.object : undefined;
  const [{ data: objectData }] = useQuery({
    query: TriggerObjectDocument,
    variables: { name: triggerObject ?? '' },
    pause: !triggerObject,
  });
  const fields = objectData?.object?.fields ?? NO_FIELDS;
  const earlier = useMemo(
    () => (selected && selected !== TRIGGER_NODE ? earlierSteps(shown, selected, edgeKeysOf) : []),
    // Only the links (`edges`, kept while they stay the same) decide which steps come earlier.
    [selected, edges, edgeKeysOf],
  );
  const variables = useMemo(
    () =>
      templateVariables(
        fields.map((f) => ({ name: f.name, label: localized(f.label, i18n.language, f.name) })),
        earlier,
      ),
    [fields, earlier, i18n.language],
  );

  const select = useCallback(
    (id: string | null) => {
      setSelected(id);
      if (id && phone) setPanelOpen(true);
    },
    [phone],
  );
  // A run is painted on the version it ran: an older one opens read-only, the current one in the editor.
  const showRun = useCallback(
    (selectedRun: Run | null) => {
      setRun(selectedRun);
      const ran = selectedRun && workflow.versions.find((v) => v.version === selectedRun.version);
      const isCurrent = !ran || definitionText(ran.definition) === definitionText(editor.saved);
      setViewing(isCurrent ? null : ran);
    },
    [workflow.versions, editor.saved],
  );
  const { actions } = editor;
  const onDelete = useCallback(
    (nodes: readonly string[], links: readonly { source: string; key: string }[]) => {
      actions.remove(nodes, links);
      if (nodes.length) setSelected(null);
    },
    [actions],
  );
  const addStep = useCallback(
    (type: string) => {
      const id = actions.addStep(type, selected);
      setSelected(id);
      setTab('settings');
      setPaletteOpen(false);
    },
    [actions, selected],
  );
  const edgeLabel = useCallback((key: string) => t(`flow.edges.${key}`, { defaultValue: key }), [t]);

  const save = async () => {
    setBlocked(problemCount > 0);
    if (problemCount === 0) await editor.save();
  };
  const settingsActions = useMemo(
    () => ({
      onStepSettings: actions.stepSettings,
      onTriggerSettings: actions.triggerSettings,
      onLink: actions.link,
      onRename: (from: string, to: string) => {
        actions.rename(from, to);
        setSelected(to);
      },
      onDelete: (id: string) => onDelete([id], []),
    }),
    [actions, onDelete],
  );

  const selectedExists = selected === TRIGGER_NODE || (selected !== null && stepById(shown, selected) !== undefined);
  const panel = (
    <SidePanel
      fill={!phone}
      tab={tab}
      onTab={setTab}
      content={{
        settings:
          selected && selectedExists ? (
            <SettingsPanel
              nodeId={selected}
              draft={shown}
              types={types}
              problems={problems.get(selected) ?? []}
              variables={variables}
              readOnly={readOnly}
              actions={settingsActions}
              webhookPath={workflow.webhookPath}
              savedTriggerType={typeof editor.saved.trigger.type === 'string' ? editor.saved.trigger.type : undefined}
            />
          ) : (
            <Stack>
              <Text size="sm" c="dimmed">
                {t('flow.settings.chooseNode')}
              </Text>
              <ProblemList problems={problems} onSelect={select} />
            </Stack>
          ),
        runs: (
          <RunHistoryPanel
            workflow={workflow.name}
            selected={run}
            stepId={selected}
            onSelect={showRun}
            onStep={select}
          />
        ),
        test: (
          <TestRunPanel
            workflow={workflow.name}
            object={triggerObject}
            dirty={editor.dirty}
            result={run?.test ? run : null}
            stepId={selected}
            onResult={setRun}
            onStep={select}
          />
        ),
        versions: (
          <VersionsPanel
            versions={workflow.versions}
            current={editor.saved}
            viewing={viewing?.version ?? null}
            onView={(version) => {
              setViewing(version);
              setSelected(null);
              setLayoutRequest((n) => n + 1);
            }}
          />
        ),
      }}
    />
  );

  const title = localized(
    workflow.definition && (workflow.definition as { label?: unknown }).label,
    i18n.language,
    workflow.name,
  );
  return (
    <Stack gap="xs" h={phone ? 'calc(100dvh - 100px)' : 'calc(100dvh - 92px)'}>
      <DesignerToolbar
        name={workflow.name}
        label={title}
        title={t('flow.designer.title', { name: title })}
        active={workflow.active}
        dirty={editor.dirty}
        readOnly={readOnly}
        phone={phone}
        busy={editor.busy}
        onPalette={() => setPaletteOpen(true)}
        onPanel={() => setPanelOpen(true)}
        onLayout={() => setLayoutRequest((n) => n + 1)}
        onDiscard={actions.discard}
        onSave={() => void save()}
        onActive={(on) => void editor.setActive(on)}
      />
      <DesignerNotices
        blockedBy={blocked ? problemCount : 0}
        onUnblock={() => setBlocked(false)}
        refusal={editor.refusal}
        serverProblems={editor.serverProblems}
        onDismissRefusal={editor.dismissRefusal}
        onRestore={actions.restore}
        viewing={viewing?.version ?? null}
        onBackToCurrent={() => setViewing(null)}
      />
      <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        {!phone && (
          <ScrollArea w={170} type="auto">
            <Palette stepTypes={types.stepTypes} disabled={readOnly} onAdd={addStep} />
          </ScrollArea>
        )}
        <Box style={{ flex: 1, minWidth: 0, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
          <FlowCanvas
            nodeData={nodeData}
            edges={edges}
            edgeLabel={edgeLabel}
            selected={selected}
            layoutRequest={layoutRequest}
            readOnly={readOnly}
            // The overview helps on big workflows; on small ones (and phones) it would only cover nodes.
            minimap={!phone && shown.steps.length > 6}
            onSelect={select}
            onConnect={actions.connect}
            onDelete={onDelete}
          />
        </Box>
        {!phone && (
          <Box w={380} component="aside" aria-label={t('flow.designer.panel')} style={{ flexShrink: 0 }}>
            {panel}
          </Box>
        )}
      </Group>
      {phone && (
        <>
          <Drawer
            opened={panelOpen}
            onClose={() => setPanelOpen(false)}
            position="bottom"
            size="80%"
            title={t('flow.designer.panel')}
          >
            {panel}
          </Drawer>
          <Drawer
            opened={paletteOpen}
            onClose={() => setPaletteOpen(false)}
            position="left"
            size="xs"
            title={t('flow.palette.title')}
          >
            <Palette stepTypes={types.stepTypes} disabled={readOnly} onAdd={addStep} />
          </Drawer>
        </>
      )}
    </Stack>
  );
}
