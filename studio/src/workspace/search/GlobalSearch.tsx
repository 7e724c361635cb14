import '@mantine/spotlight/styles.css';
import { ActionIcon, Alert, Badge, Button, Group, Kbd, Loader, Text, Tooltip } from '@mantine/core';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useGlobalSearch } from './use-global-search';

// One spotlight of our own (not Mantine's global one), so no other part of the studio opens it by accident.
const [searchStore, searchSpotlight] = createSpotlight();

/** ⌘K on Apple keyboards, Ctrl K elsewhere: what the button shows (the shortcut works with either key). */
const SHORTCUT_LABEL = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘K' : 'Ctrl K';

function MagnifierIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-4-4" />
    </svg>
  );
}

/**
 * Marks the first action of the list selected, as the spotlight itself does on a key (its `selectAction` is not
 * exported): the `data-selected` attribute that Enter triggers, and the store's index that ↑ ↓ move from.
 */
function selectFirstAction(list: HTMLElement | null) {
  const first = list?.querySelector('[data-action]');
  if (!first || first.hasAttribute('data-selected')) return;
  list?.querySelector('[data-selected]')?.removeAttribute('data-selected');
  first.setAttribute('data-selected', 'true');
  searchStore.updateState((state) => ({ ...state, selected: 0 }));
}

/**
 * The header's search: a button (an icon on phones) and the shortcut Ctrl+K / ⌘K open a spotlight that searches
 * every object the user may read; results are grouped by object, Enter opens the chosen record.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [text, setText] = useState('');
  const { groups, searched, pending, error } = useGlobalSearch(text, opened);

  const list = useRef<HTMLDivElement>(null);
  // The spotlight selects its first action when the text changes, before the (debounced) answer is there:
  // select the first hit once it is, so Enter opens it.
  useEffect(() => selectFirstAction(list.current), [groups]);

  return (
    <>
      <Button
        variant="default"
        leftSection={<MagnifierIcon />}
        rightSection={<Kbd size="xs">{SHORTCUT_LABEL}</Kbd>}
        onClick={searchSpotlight.open}
        aria-label={t('search.open')}
        aria-keyshortcuts="Control+K Meta+K"
        visibleFrom="sm"
      >
        {t('search.open')}
      </Button>
      <Tooltip label={t('search.open')}>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={searchSpotlight.open}
          aria-label={t('search.open')}
          aria-keyshortcuts="Control+K Meta+K"
          hiddenFrom="sm"
        >
          <MagnifierIcon />
        </ActionIcon>
      </Tooltip>
      <Spotlight.Root
        store={searchStore}
        title={t('search.title')}
        query={text}
        onQueryChange={setText}
        shortcut={['mod + K']}
        tagsToIgnore={[]}
        onSpotlightOpen={() => setOpened(true)}
        onSpotlightClose={() => setOpened(false)}
        scrollable
        maxHeight="min(60vh, 520px)"
        // The spotlight has no padding of its own; its title (what names the dialog) gets the search's.
        styles={{
          header: { padding: 'var(--mantine-spacing-sm) var(--mantine-spacing-md) 0' },
          title: { fontWeight: 600 },
        }}
      >
        <Spotlight.Search
          aria-label={t('search.title')}
          placeholder={t('search.placeholder')}
          leftSection={<MagnifierIcon />}
          rightSection={pending ? <Loader size="xs" aria-label={t('search.searching')} /> : undefined}
        />
        <Spotlight.ActionsList ref={list}>
          {error && (
            <Alert color="red" m="sm" role="alert">
              {t('search.failed', { message: error.graphQLErrors[0]?.message ?? error.message })}
            </Alert>
          )}
          {groups.map((group) => (
            // The group's label is drawn by CSS (`content:`), which screen readers may skip: the group is
            // also named for them.
            <Spotlight.ActionsGroup
              key={group.object.name}
              role="group"
              aria-label={group.object.labelPlural}
              label={
                group.total > group.hits.length
                  ? `${group.object.labelPlural} · ${t('search.more', { shown: group.hits.length, total: group.total })}`
                  : group.object.labelPlural
              }
            >
              {group.hits.map((hit) => (
                <Spotlight.Action
                  key={hit.id}
                  label={hit.title}
                  rightSection={
                    <Badge variant="light" size="sm">
                      {group.object.label}
                    </Badge>
                  }
                  onClick={() => void navigate(`/o/${group.object.name}/${hit.id}`)}
                />
              ))}
            </Spotlight.ActionsGroup>
          ))}
          {searched && groups.length === 0 && !pending && !error && (
            <Spotlight.Empty>{t('search.nothing', { text: searched })}</Spotlight.Empty>
          )}
        </Spotlight.ActionsList>
        <Group px="md" py="xs" justify="space-between">
          <Text size="xs" c="dimmed">
            {t('search.hint')}
          </Text>
        </Group>
      </Spotlight.Root>
    </>
  );
}
