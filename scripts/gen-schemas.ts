/**
 * Writes the JSON Schemas of the YAML strategy, the YAML plan and `.stratdoc.yaml` to
 * `dist/schemas/` from the zod models of `server/src/core/schema.ts`. `node esbuild.js`
 * bundles and runs this after every build; the extension contributes the files through
 * `contributes.yamlValidation` (package.json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allSchemas } from '../server/src/core/schema';
import { ALL_RULES } from '../server/src/core/rules';

export function writeSchemas(outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, schema] of Object.entries(allSchemas(ALL_RULES.map((r) => r.meta)))) {
    const file = path.join(outDir, name);
    const text = JSON.stringify(schema, null, 2) + '\n';
    // Leave an unchanged file alone, so that watchers (the YAML extension) are not woken.
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  const out = process.argv[2] ?? path.join(__dirname, '..', '..', 'dist', 'schemas');
  for (const f of writeSchemas(out)) console.log(f);
}
