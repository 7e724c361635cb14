import { matchRoutes } from 'react-router';
import { storedToken } from './auth/session';
import { lazyPage } from './lazy-page';
import { recordPage } from './workspace/record/load-record-page';

// One chunk per route: the login page does not load the designer, and each section loads on first visit.
export const login = lazyPage(() => import('./pages/LoginPage'));

/** The signed-in routes, inside the shell, each with its page. */
export const PAGES = [
  { path: 'objects', page: lazyPage(() => import('./pages/ObjectsPage')) },
  { path: 'objects/:name', page: lazyPage(() => import('./pages/ObjectFieldsPage')) },
  { path: 'pipelines', page: lazyPage(() => import('./pipelines/PipelinesPage')) },
  { path: 'forms/:object?', page: lazyPage(() => import('./layouts/FormLayoutsPage')) },
  { path: 'workflows', page: lazyPage(() => import('./workflows/WorkflowsPage')) },
  { path: 'workflows/:name', page: lazyPage(() => import('./workflows/WorkflowDesignerPage')) },
  { path: 'roles', page: lazyPage(() => import('./access/RolesPage')) },
  { path: 'roles/:name', page: lazyPage(() => import('./access/RoleEditorPage')) },
  { path: 'people', page: lazyPage(() => import('./access/PeoplePage')) },
  { path: 'people/import', page: lazyPage(() => import('./access/people-import/PeopleImportPage')) },
  { path: 'history', page: lazyPage(() => import('./pages/HistoryPage')) },
  { path: 'manifest', page: lazyPage(() => import('./manifest/ManifestPage')) },
  { path: 'home', page: lazyPage(() => import('./workspace/home/HomePage')) },
  { path: 'tasks', page: lazyPage(() => import('./workspace/tasks/TasksPage')) },
  { path: 'approvals', page: lazyPage(() => import('./workspace/approvals/ApprovalsPage')) },
  { path: 'dashboard', page: lazyPage(() => import('./workspace/dashboard/DashboardPage')) },
  { path: 'o/:object', page: lazyPage(() => import('./workspace/list/ListPage')) },
  { path: 'o/:object/board', page: lazyPage(() => import('./workspace/board/BoardPage')) },
  { path: 'o/:object/import', page: lazyPage(() => import('./workspace/import/ImportPage')) },
  // The shell prefetches the record page's chunk (load-record-page.ts), so both load it through one import.
  { path: 'o/:object/:id', page: recordPage },
  { path: '*', page: lazyPage(() => import('./pages/NotFoundPage')) },
];

/**
 * Starts downloading the page the address opens (the sign-in page without a session) while the studio's own
 * code starts up, instead of when React first renders the route: the chunk arrives during the first render.
 * Called by preload-first-page.ts, main.tsx's first import.
 */
export function preloadFirstPage(): void {
  if (!storedToken()) return login.preload();
  // `/` and `/login` land on another page once the session is known: nothing to fetch for them yet.
  const [match] = matchRoutes(PAGES, window.location.pathname) ?? [];
  if (match && match.route.path !== '*') match.route.page.preload();
}
