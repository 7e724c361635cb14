import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every `graphql(...)` document in src, from the committed schema (scripts/print-schema.mjs).
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: { scalars: { JSON: 'unknown', DateTime: 'string' }, enumsAsTypes: true, useTypeImports: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
