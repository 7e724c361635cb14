import { storedToken } from './auth/session';
import { sessionClient } from './graphql/session-client';
import { initialLanguage } from './i18n/languages';
import { preloadFirstPage } from './routes';
import { MeDocument } from './shell/me-document';
import { WorkspaceModelDocument } from './workspace/use-workspace-model';

// Imports are evaluated in order before main.tsx's own code runs: imported first, this starts the page's
// download before the rest of the entry (Mantine, React DOM, the shell) is evaluated, not after.
preloadFirstPage();

// The shell's first render needs who is signed in and the workspace's model, and every page waits for the
// shell: asked now, their answers arrive while the studio's code starts up, and the shell finds them in the
// client's cache (or in flight: the client sends one request per query) instead of asking after its render.
const token = storedToken();
if (token) {
  const client = sessionClient(token);
  void client.query(MeDocument, {}).toPromise();
  void client.query(WorkspaceModelDocument, { locale: initialLanguage() }).toPromise();
}
