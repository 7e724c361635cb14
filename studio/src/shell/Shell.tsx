import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet } from 'react-router';
import { useQuery } from 'urql';
import { useAuth } from '../auth/auth-context';
import { QueryState } from '../components/QueryState';
import { GlobalSearch } from '../workspace/search/GlobalSearch';
import { NotificationBell } from '../workspace/notifications/NotificationBell';
import { ApprovalsNavLink } from '../workspace/approvals/ApprovalsNavLink';
import { taskShape } from '../workspace/home/work-objects';
import { hasDashboard } from '../workspace/dashboard/dashboard-subjects';
import { useWorkspaceModel } from '../workspace/use-workspace-model';
import { prefetchRecordPage } from '../workspace/record/load-record-page';
import { MeDocument } from './me-document';
import { LanguageSelect } from './LanguageSelect';
import { ThemeToggle } from './ThemeToggle';

const SECTIONS = [
  { to: '/objects', key: 'nav.objects' },
  { to: '/pipelines', key: 'nav.pipelines' },
  { to: '/forms', key: 'nav.forms' },
  { to: '/workflows', key: 'nav.workflows' },
  { to: '/roles', key: 'nav.roles' },
  { to: '/people', key: 'nav.people' },
  { to: '/history', key: 'nav.history' },
  { to: '/manifest', key: 'nav.manifest' },
] as const;

/** The signed-in layout: header (workspace, user, theme, language, logout), navigation, the page. */
export function Shell() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const [{ data }] = useQuery({ query: MeDocument });
  const me = data?.me;
  // The design sections are for admins; everyone sees the objects they may read (the API answers only those).
  const isAdmin = me?.roles.includes('admin') ?? false;
  const { model } = useWorkspaceModel();
  // "My tasks" only for someone who may read the tasks (found as the home page finds them).
  const hasTasks = useMemo(() => (model ? taskShape(model) !== null : false), [model]);
  // The statistics only for someone who may read a pipeline object (hidden from those who may not see them).
  const showDashboard = useMemo(() => (model ? hasDashboard(model) : false), [model]);
  // Records are what a CRM opens all day, from any page (a search result, a link): once the first page has
  // loaded, the record page's code loads in the background, so even the first record opens without waiting for it.
  useEffect(() => prefetchRecordPage(), []);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Title order={1} size="h4">
              {t('app.name')}
            </Title>
            {me && (
              <Text c="dimmed" size="sm" visibleFrom="xs" data-testid="workspace" title={t('header.workspace')}>
                {me.workspace}
              </Text>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <GlobalSearch />
            <NotificationBell />
            {me && (
              <Text size="sm" visibleFrom="md" data-testid="user">
                {me.name ?? me.email}
              </Text>
            )}
            <LanguageSelect />
            <ThemeToggle />
            <Button variant="default" onClick={() => void auth.logout()} visibleFrom="xs">
              {t('header.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.menu')}>
        <AppShell.Section grow component={ScrollArea} type="auto">
          <nav aria-label={t('nav.workspace')}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4}>
              {t('nav.workspace')}
            </Text>
            <NavLink component={RouterLink} to="/home" label={t('nav.home')} onClick={close} />
            {hasTasks && <NavLink component={RouterLink} to="/tasks" label={t('tasks.title')} onClick={close} />}
            <ApprovalsNavLink onClick={close} />
            {showDashboard && (
              <NavLink component={RouterLink} to="/dashboard" label={t('dashboard.title')} onClick={close} />
            )}
            {model?.objects.map((object) => (
              <NavLink
                key={object.name}
                component={RouterLink}
                to={`/o/${object.name}`}
                label={object.labelPlural}
                onClick={close}
              />
            ))}
          </nav>
          {isAdmin && (
            <nav aria-label={t('nav.design')}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={4} mt="sm">
                {t('nav.design')}
              </Text>
              {SECTIONS.map((section) => (
                <NavLink
                  key={section.to}
                  component={RouterLink}
                  to={section.to}
                  label={t(section.key)}
                  onClick={close}
                />
              ))}
            </nav>
          )}
        </AppShell.Section>
        <AppShell.Section>
          <Button variant="subtle" hiddenFrom="xs" onClick={() => void auth.logout()}>
            {t('header.logout')}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<QueryState fetching error={undefined} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
