// Generates typed GraphQL operations from the server's checked-in SDL (the API contract) and our operation documents.
// Run by `npm run codegen`, which `npm run build` and `npm test` run first; the output is not committed.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../src/GraphQL/schema.graphql',
  documents: ['src/app/core/graphql/operations.graphql'],
  generates: {
    'src/app/core/graphql/generated.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // The SDL documents DateTime as ISO-8601 text; JSON is any value.
        scalars: { DateTime: 'string', JSON: 'unknown', ID: 'string' },
        enumsAsTypes: true,
        documentMode: 'string',
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        skipTypename: true,
        dedupeFragments: true,
      },
    },
  },
  // Compacts the operation texts and marks them pure (codegen-compact.mjs): the initial bundle carries them.
  hooks: { afterOneFileWrite: ['node codegen-compact.mjs'] },
  silent: true,
};

export default config;
