// Run by codegen after it writes generated.ts: the operation texts are shipped in the initial bundle as they are
// (string literals survive minification), so their pretty-printing whitespace is collapsed to single spaces (GraphQL
// ignores it; our operations hold no string literals with spaces), and each document is marked pure so one no code
// uses (most fragment documents) is dropped by the bundler.
import { readFileSync, writeFileSync } from 'node:fs';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const compacted = text.replace(/new TypedDocumentString\(`([^`]*)`/g, (_, body) => `/*#__PURE__*/ new TypedDocumentString(\`${body.replace(/\s+/g, ' ').trim()}\``);
  writeFileSync(file, compacted);
}
