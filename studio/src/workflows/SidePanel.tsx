import { ScrollArea, Stack, Tabs, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TRIGGER_NODE } from './graph';

export type PanelTab = 'settings' | 'runs' | 'test' | 'versions';

/** Every node's problems, each a button that selects its node: the list shown while nothing is selected. */
export function ProblemList(props: {
  problems: ReadonlyMap<string, readonly string[]>;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const entries = [...props.problems].filter(([, list]) => list.length > 0);
  if (entries.length === 0) return <Text c="dimmed">{t('flow.problems.none')}</Text>;
  return (
    <Stack gap="xs" aria-label={t('flow.problems.all')}>
      <Text size="sm" fw={600}>
        {t('flow.problems.all')}
      </Text>
      {entries.map(([node, list]) => (
        <UnstyledButton key={node} onClick={() => props.onSelect(node)}>
          <Text size="sm" fw={600} c="red">
            {node === TRIGGER_NODE ? t('flow.canvas.trigger') : node}
          </Text>
          {list.map((message, i) => (
            <Text key={i} size="xs">
              {message}
            </Text>
          ))}
        </UnstyledButton>
      ))}
    </Stack>
  );
}

/**
 * The designer's side panel: settings of the selected node, runs, test run and versions, as tabs. With `fill`
 * it takes its container's height and scrolls below the tabs, which stay in view.
 */
export function SidePanel(props: {
  fill: boolean;
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  content: Record<PanelTab, ReactNode>;
}) {
  const { t } = useTranslation();
  const tabs: PanelTab[] = ['settings', 'runs', 'test', 'versions'];
  return (
    <Tabs
      value={props.tab}
      onChange={(value) => value && props.onTab(value as PanelTab)}
      keepMounted={false}
      style={props.fill ? { display: 'flex', flexDirection: 'column', height: '100%' } : undefined}
    >
      <Tabs.List grow>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab} value={tab}>
            {t(`flow.tabs.${tab}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab} value={tab} pt="sm" style={props.fill ? { flex: 1, minHeight: 0 } : undefined}>
          {props.fill ? (
            <ScrollArea h="100%" type="auto" offsetScrollbars>
              {props.content[tab]}
            </ScrollArea>
          ) : (
            props.content[tab]
          )}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
