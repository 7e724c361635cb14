import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The studio is served by the Stratum server at `/`; in `vite dev` the API calls go to a server on :4000.
const api = process.env.STRATUM_API ?? 'http://127.0.0.1:4000';

// Codegen's output: every document of the studio, each an `export const` on one line of this file.
const GENERATED = fileURLToPath(new URL('./src/gql', import.meta.url));
const GENERATED_DOCUMENTS = path.join(GENERATED, 'graphql.ts');

/** The documents in codegen's output by export name: `MeDocument` → the parsed `query Me`. */
function readGeneratedDocuments(): Map<string, unknown> {
  const line = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode</gm;
  const text = readFileSync(GENERATED_DOCUMENTS, 'utf8');
  return new Map([...text.matchAll(line)].map(([, name, json]) => [name!, JSON.parse(json!) as unknown]));
}

/** The name codegen gives a document's export: `query Me` → `MeDocument`, `fragment Row` → `RowFragmentDoc`. */
function generatedName(source: string): string {
  const definition = /^\s*(query|mutation|subscription|fragment)\s+(\w+)/.exec(source);
  if (!definition) throw new Error(`a graphql() document must start with a named operation or fragment: ${source}`);
  return definition[1] === 'fragment' ? `${definition[2]}FragmentDoc` : `${definition[2]}Document`;
}

/** A `graphql(`…`)` call: documents are plain template literals (codegen allows no `${}` in them). */
const GRAPHQL_CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;

/**
 * Writes each `graphql(`…`)` call's generated document in its place, where the client preset's babel plugin
 * would import it (https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size).
 * Without it, `graphql()` looks documents up in `src/gql/gql.ts`'s map of all of them, so the entry chunk
 * carried every document of the studio (90 kB); an import would do the same, since the bundler keeps one
 * module's exports together, in the chunk of its first importer. Written out, each chunk has only its own.
 */
function graphqlDocuments(): Plugin {
  let documents = new Map<string, unknown>();
  return {
    name: 'stratum:graphql-documents',
    enforce: 'pre',
    buildStart() {
      documents = readGeneratedDocuments();
      this.addWatchFile(GENERATED_DOCUMENTS);
    },
    watchChange(id) {
      if (id === GENERATED_DOCUMENTS) documents = readGeneratedDocuments();
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.startsWith(GENERATED) || !code.includes('graphql(`')) return null;
      const inlined = code.replace(GRAPHQL_CALL, (call, source: string) => {
        const name = generatedName(source);
        if (!documents.has(name)) this.error(`${id}: ${name} is not generated (npm run -w studio codegen)`);
        // As many lines as the call had, so that the rest of the file keeps its line numbers (and its map).
        return `(${JSON.stringify(documents.get(name))})${'\n'.repeat(call.split('\n').length - 1)}`;
      });
      return { code: inlined, map: null };
    },
  };
}

export default defineConfig({
  plugins: [graphqlDocuments(), react()],
  // The server workspace (GraphiQL) keeps React 18 at the repository root: the studio bundles only its own 19.
  resolve: { dedupe: ['react', 'react-dom'] },
  server: { proxy: { '/graphql': api, '/auth': api } },
  // The manifest maps each route's module to its chunks (bench/src/studio-bench.ts reports sizes by route).
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600, manifest: true },
});
