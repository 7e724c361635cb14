import { Suspense, useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { AuthProvider, useAuth } from './auth/auth-context';
import { QueryState } from './components/QueryState';
import { sessionClient } from './graphql/session-client';
import { login, PAGES } from './routes';
import { Landing } from './shell/Landing';
import { Shell } from './shell/Shell';

function Routed() {
  const auth = useAuth();
  const client = useMemo(() => (auth.token ? sessionClient(auth.token, auth.expire) : null), [auth.token, auth.expire]);
  if (!client) {
    return (
      <Suspense fallback={<QueryState fetching error={undefined} />}>
        <login.Page />
      </Suspense>
    );
  }
  return (
    <Provider value={client}>
      <Routes>
        <Route element={<Shell />}>
          <Route index element={<Landing />} />
          <Route path="login" element={<Landing />} />
          {PAGES.map(({ path, page }) => (
            <Route key={path} path={path} element={<page.Page />} />
          ))}
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
