import { lazy, Suspense, useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { AuthProvider, useAuth } from './auth/auth-context';
import { QueryState } from './components/QueryState';
import { createClient } from './graphql/client';
import { loadRecordPage } from './workspace/record/load-record-page';
import { Landing } from './shell/Landing';
import { Shell } from './shell/Shell';

// One chunk per route: the login page does not load the designer, and each section loads on first visit.
const LoginPage = lazy(() => import('./pages/LoginPage'));
const ObjectsPage = lazy(() => import('./pages/ObjectsPage'));
const ObjectFieldsPage = lazy(() => import('./pages/ObjectFieldsPage'));
const PipelinesPage = lazy(() => import('./pipelines/PipelinesPage'));
const FormLayoutsPage = lazy(() => import('./layouts/FormLayoutsPage'));
const WorkflowsPage = lazy(() => import('./workflows/WorkflowsPage'));
const WorkflowDesignerPage = lazy(() => import('./workflows/WorkflowDesignerPage'));
const RolesPage = lazy(() => import('./access/RolesPage'));
const RoleEditorPage = lazy(() => import('./access/RoleEditorPage'));
const PeoplePage = lazy(() => import('./access/PeoplePage'));
const PeopleImportPage = lazy(() => import('./access/people-import/PeopleImportPage'));
const ManifestPage = lazy(() => import('./manifest/ManifestPage'));
const HistoryPage = lazy(() => import('./pages/HistoryPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const HomePage = lazy(() => import('./workspace/home/HomePage'));
const ListPage = lazy(() => import('./workspace/list/ListPage'));
const BoardPage = lazy(() => import('./workspace/board/BoardPage'));
const DashboardPage = lazy(() => import('./workspace/dashboard/DashboardPage'));
// The shell prefetches the record page's chunk (load-record-page.ts), so both load it through one function.
const RecordPage = lazy(loadRecordPage);
const TasksPage = lazy(() => import('./workspace/tasks/TasksPage'));
const ApprovalsPage = lazy(() => import('./workspace/approvals/ApprovalsPage'));
const ImportPage = lazy(() => import('./workspace/import/ImportPage'));

function Routed() {
  const auth = useAuth();
  const client = useMemo(() => (auth.token ? createClient(auth.token, auth.expire) : null), [auth.token, auth.expire]);
  if (!client) {
    return (
      <Suspense fallback={<QueryState fetching error={undefined} />}>
        <LoginPage />
      </Suspense>
    );
  }
  return (
    <Provider value={client}>
      <Routes>
        <Route element={<Shell />}>
          <Route index element={<Landing />} />
          <Route path="login" element={<Landing />} />
          <Route path="objects" element={<ObjectsPage />} />
          <Route path="objects/:name" element={<ObjectFieldsPage />} />
          <Route path="pipelines" element={<PipelinesPage />} />
          <Route path="forms/:object?" element={<FormLayoutsPage />} />
          <Route path="workflows" element={<WorkflowsPage />} />
          <Route path="workflows/:name" element={<WorkflowDesignerPage />} />
          <Route path="roles" element={<RolesPage />} />
          <Route path="roles/:name" element={<RoleEditorPage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="people/import" element={<PeopleImportPage />} />
          <Route path="history" element={<HistoryPage />} />
          <Route path="manifest" element={<ManifestPage />} />
          <Route path="home" element={<HomePage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="approvals" element={<ApprovalsPage />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="o/:object" element={<ListPage />} />
          <Route path="o/:object/board" element={<BoardPage />} />
          <Route path="o/:object/import" element={<ImportPage />} />
          <Route path="o/:object/:id" element={<RecordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Provider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routed />
      </AuthProvider>
    </BrowserRouter>
  );
}
