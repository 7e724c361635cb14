import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The studio is served by the Stratum server at `/`; in `vite dev` the API calls go to a server on :4000.
const api = process.env.STRATUM_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  // The server workspace (GraphiQL) keeps React 18 at the repository root: the studio bundles only its own 19.
  resolve: { dedupe: ['react', 'react-dom'] },
  server: { proxy: { '/graphql': api, '/auth': api } },
  // The manifest maps each route's module to its chunks (bench/src/studio-bench.ts reports sizes by route).
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600, manifest: true },
});
