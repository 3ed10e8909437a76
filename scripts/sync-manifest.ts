/**
 * `npm run sync:manifest`: writes the rule catalog into package.json (the schema of the
 * `stratdoc.rules` setting) and into package.nls.json / package.nls.de.json (one
 * description per rule). Everything else in those files is left as it is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../server/src/core/rules';
import { RULES_SETTING, ruleNls, ruleNlsKey, rulesSettingSchema } from './manifest';

const root = path.join(__dirname, '..', '..');
const metas = ALL_RULES.map((r) => r.meta);

function rewrite(file: string, change: (json: Record<string, unknown>) => void): void {
  const p = path.join(root, file);
  const before = fs.readFileSync(p, 'utf8');
  const json = JSON.parse(before) as Record<string, unknown>;
  change(json);
  const after = JSON.stringify(json, null, 2) + '\n';
  if (after !== before) {
    fs.writeFileSync(p, after);
    console.log(`updated ${file}`);
  }
}

rewrite('package.json', (pkg) => {
  const contributes = pkg.contributes as { configuration: { properties: Record<string, unknown> } };
  contributes.configuration.properties[RULES_SETTING] = rulesSettingSchema(metas);
});

for (const [file, lang] of [
  ['package.nls.json', 'en'],
  ['package.nls.de.json', 'de'],
] as const) {
  rewrite(file, (nls) => {
    for (const k of Object.keys(nls)) if (k.startsWith('config.rules.') && k !== ruleNlsKey('severity')) delete nls[k];
    Object.assign(nls, ruleNls(metas, lang));
  });
}
