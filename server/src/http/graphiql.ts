import path from 'node:path';
import { Router } from 'express';

/** A file inside an installed package (browser builds are not in the packages' export maps). */
const packageFile = (name: string, file: string) =>
  path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

/**
 * GraphiQL served from this server's own node_modules (no CDN: Stratum must work offline): the GraphiQL 3
 * bundle with React 18's browser builds. The page asks for an email and password once, keeps the session
 * token in the browser's localStorage, and sends it as a bearer token.
 */
export function graphiqlRoutes(): Router {
  const router = Router();
  const assets: Record<string, [string, string]> = {
    'graphiql.js': [packageFile('graphiql', 'graphiql.min.js'), 'text/javascript'],
    'graphiql.css': [packageFile('graphiql', 'graphiql.min.css'), 'text/css'],
    'react.js': [packageFile('react', 'umd/react.production.min.js'), 'text/javascript'],
    'react-dom.js': [packageFile('react-dom', 'umd/react-dom.production.min.js'), 'text/javascript'],
  };
  router.get('/graphiql/:asset', (req, res) => {
    const asset = assets[req.params.asset];
    if (!asset) {
      res.status(404).end();
      return;
    }
    res.type(asset[1]).sendFile(asset[0], { maxAge: '1d' });
  });
  router.get('/graphiql', (_req, res) => {
    res.type('html').send(PAGE);
  });
  return router;
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Stratum GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/graphiql.css" />
  <style>
    [hidden] { display: none !important; }
    body { margin: 0; height: 100vh; font-family: system-ui, sans-serif; }
    #graphiql { height: 100vh; }
    form { max-width: 320px; margin: 15vh auto; display: grid; gap: 12px; }
    input, button { font: inherit; padding: 8px; }
    .error { color: #b91c1c; min-height: 1.2em; }
  </style>
</head>
<body>
  <form id="login" hidden>
    <h1>Stratum</h1>
    <label>Email <input name="email" type="email" autocomplete="username" required /></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
    <button type="submit">Log in</button>
    <div class="error" role="alert"></div>
  </form>
  <div id="graphiql" hidden></div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script>
    const KEY = 'stratum.token';
    const form = document.getElementById('login');
    function start(token) {
      form.hidden = true;
      const root = document.getElementById('graphiql');
      root.hidden = false;
      const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { authorization: 'Bearer ' + token } });
      ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {
        fetcher,
        defaultQuery: '# Welcome to Stratum\\n{\\n  me { email roles }\\n  objects { name pluralName fields { name type } }\\n}\\n',
      }));
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = Object.fromEntries(new FormData(form));
      const response = await fetch('/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) });
      const body = await response.json();
      if (!response.ok) { form.querySelector('.error').textContent = body.error?.message ?? 'Login failed'; return; }
      localStorage.setItem(KEY, body.token);
      start(body.token);
    });
    const saved = localStorage.getItem(KEY);
    if (saved) start(saved); else form.hidden = false;
  </script>
</body>
</html>`;
