/**
 * The extension manifest (package.json) and its translations: what VS Code needs to
 * activate the extension and show its settings, commands, snippets, grammars and
 * schemas, every %key% translated in English and German, every runtime string of
 * client/src translated in l10n/, and the rule settings generated from the rule catalog.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../server/src/core/rules';
import { configSchema } from '../server/src/core/config';
import { Session } from '../server/src/lsp/session';
import { ruleNls, rulesSettingSchema, RULES_SETTING } from '../scripts/manifest';

const ROOT = path.resolve(__dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const json = <T = Record<string, unknown>>(f: string) => JSON.parse(read(f)) as T;

interface Manifest {
  name: string;
  publisher: string;
  main: string;
  engines: { vscode: string };
  categories: string[];
  keywords: string[];
  l10n: string;
  activationEvents: string[];
  contributes: {
    configuration: { title: string; properties: Record<string, Record<string, unknown>> };
    commands: { command: string; title: string; category: string }[];
    snippets: { language: string; path: string }[];
    grammars: { path: string }[];
    yamlValidation: { fileMatch: string[]; url: string }[];
  };
}

const pkg = json<Manifest>('package.json');

function nlsKeys(node: unknown, out = new Set<string>()): Set<string> {
  if (typeof node === 'string') {
    const m = /^%(.+)%$/.exec(node);
    if (m) out.add(m[1]);
  } else if (Array.isArray(node)) node.forEach((n) => nlsKeys(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => nlsKeys(n, out));
  return out;
}

describe('extension manifest', () => {
  it('is an extension manifest: id, entry, engine, categories, keywords in both languages', () => {
    assert.equal(`${pkg.publisher}.${pkg.name}`, 'stratdoc.stratdoc');
    assert.equal(pkg.main, './dist/extension.js');
    assert.ok(fs.existsSync(path.join(ROOT, pkg.main)), 'dist/extension.js is built');
    assert.equal(pkg.engines.vscode, '^1.139.0');
    assert.deepEqual(pkg.categories, ['Linters', 'Snippets', 'Visualization']);
    assert.ok(pkg.keywords.includes('Redaktionsplan') && pkg.keywords.includes('editorial plan'));
    assert.ok(fs.existsSync(path.join(ROOT, pkg.l10n, 'bundle.l10n.de.json')));
  });

  it('activates on stratdoc files and on Markdown and YAML', () => {
    assert.deepEqual(pkg.activationEvents, [
      'workspaceContains:**/*.strategy.{md,yaml,yml}',
      'workspaceContains:**/*.plan.{md,yaml,yml}',
      'workspaceContains:**/*.plan.csv',
      'workspaceContains:**/.stratdoc.yaml',
      'workspaceContains:**/.stratdoc.yml',
      'onLanguage:markdown',
      'onLanguage:yaml',
      'onWebviewPanel:stratdoc.preview',
    ]);
  });

  it("has the settings of .stratdoc.yaml, plus the editor's own: maxDiagnostics and trace.server", () => {
    const keys = Object.keys(pkg.contributes.configuration.properties).sort();
    const fileKeys = Object.keys(configSchema.shape).map((k) => `stratdoc.${k}`);
    assert.deepEqual(keys, [...fileKeys, 'stratdoc.maxDiagnostics', 'stratdoc.trace.server'].sort());
  });

  it('the settings VS Code sends (section stratdoc, defaults or set) are accepted by the server', () => {
    // getConfiguration('stratdoc') as an object: the defaults, with trace.server nested.
    const defaults: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(pkg.contributes.configuration.properties)) {
      const parts = k.split('.').slice(1);
      let o = defaults;
      for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
      o[parts[parts.length - 1]] = v.default;
    }
    assert.deepEqual(defaults.trace, { server: 'off' });
    const logs: string[] = [];
    const session = new Session({ publish: () => undefined, log: (m) => logs.push(m) });
    session.setSettings(defaults);
    assert.deepEqual(logs, []);
    assert.deepEqual(session.settings, {}, 'the defaults override nothing in .stratdoc.yaml');
    session.setSettings({
      ...defaults,
      language: 'de',
      include: ['strategie/**/*.md'],
      maxFileSize: 1000,
      rules: { 'push-ratio': { max: 0.3 }, 'kpi-not-smart': 'off' },
      trace: { server: 'verbose' },
    });
    assert.deepEqual(logs, []);
    assert.deepEqual(session.settings, {
      language: 'de',
      include: ['strategie/**/*.md'],
      maxFileSize: 1000,
      rules: { 'push-ratio': { max: 0.3 }, 'kpi-not-smart': 'off' },
    });
    assert.equal(session.maxDiagnostics, 500, 'the default of stratdoc.maxDiagnostics');
    session.setSettings({ ...defaults, maxDiagnostics: 20 });
    assert.deepEqual(logs, []);
    assert.equal(session.maxDiagnostics, 20);
    assert.deepEqual(session.settings, {}, 'maxDiagnostics is no key of .stratdoc.yaml');
    session.setSettings({ ...defaults, maxDiagnostics: 0 });
    assert.equal(session.maxDiagnostics, 500);
    assert.match(logs.join('\n'), /maxDiagnostics/);
  });

  it('lists every rule in stratdoc.rules, as scripts/sync-manifest.ts writes it', () => {
    const metas = ALL_RULES.map((r) => r.meta);
    assert.deepEqual(pkg.contributes.configuration.properties[RULES_SETTING], rulesSettingSchema(metas), 'run npm run sync:manifest');
    const en = json<Record<string, string>>('package.nls.json');
    const de = json<Record<string, string>>('package.nls.de.json');
    for (const [k, v] of Object.entries(ruleNls(metas, 'en'))) assert.equal(en[k], v, `package.nls.json ${k}: run npm run sync:manifest`);
    for (const [k, v] of Object.entries(ruleNls(metas, 'de'))) assert.equal(de[k], v, `package.nls.de.json ${k}: run npm run sync:manifest`);
  });

  it('contributes the commands, the snippets, the grammars and the schemas', () => {
    assert.deepEqual(
      pkg.contributes.commands.map((c) => c.command),
      [
        'stratdoc.restartServer',
        'stratdoc.showOutput',
        'stratdoc.openPreview',
        'stratdoc.openPreviewToSide',
        'stratdoc.showPreviewSource',
        'stratdoc.togglePreviewChanges',
        'stratdoc.newStrategy',
        'stratdoc.newPlan',
      ],
    );
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'stratdoc');
    assert.deepEqual(pkg.contributes.snippets.map((s) => s.language).sort(), ['markdown', 'yaml']);
    for (const f of [...pkg.contributes.snippets, ...pkg.contributes.grammars].map((x) => x.path)) assert.ok(fs.existsSync(path.join(ROOT, f)), f);
    const byUrl = new Map(pkg.contributes.yamlValidation.map((v) => [v.url, v.fileMatch]));
    assert.deepEqual(byUrl.get('./dist/schemas/strategy.schema.json'), ['*.strategy.yaml', '*.strategy.yml']);
    assert.deepEqual(byUrl.get('./dist/schemas/plan.schema.json'), ['*.plan.yaml', '*.plan.yml']);
    assert.deepEqual(byUrl.get('./dist/schemas/config.schema.json'), ['.stratdoc.yaml', '.stratdoc.yml']);
    for (const url of byUrl.keys()) assert.ok(fs.existsSync(path.join(ROOT, url)), `${url} is built`);
  });

  it('names the new-document commands "New Strategy" and "New Editorial Plan", in German too', () => {
    const en = json<Record<string, string>>('package.nls.json');
    const de = json<Record<string, string>>('package.nls.de.json');
    const title = (id: string) => pkg.contributes.commands.find((c) => c.command === id)!.title.slice(1, -1);
    assert.deepEqual([en[title('stratdoc.newStrategy')], de[title('stratdoc.newStrategy')]], ['New Strategy', 'Neue Strategie']);
    assert.deepEqual([en[title('stratdoc.newPlan')], de[title('stratdoc.newPlan')]], ['New Editorial Plan', 'Neuer Redaktionsplan']);
  });

  it('offers the preview in the editor title of stratdoc documents, like the Markdown preview', () => {
    const menus = (pkg.contributes as unknown as { menus: Record<string, { command: string; when?: string; alt?: string; group?: string }[]> }).menus;
    const title = menus['editor/title'];
    const side = title.find((m) => m.command === 'stratdoc.openPreviewToSide')!;
    assert.equal(side.group, 'navigation');
    assert.equal(side.alt, 'stratdoc.openPreview');
    assert.match(side.when!, /^resource in stratdoc\.documents\b/);
    assert.equal(title.find((m) => m.command === 'stratdoc.showPreviewSource')?.when, "activeWebviewPanelId == 'stratdoc.preview'");
    assert.equal(title.find((m) => m.command === 'stratdoc.togglePreviewChanges')?.when, "activeWebviewPanelId == 'stratdoc.preview'");
    for (const id of ['stratdoc.openPreview', 'stratdoc.openPreviewToSide']) {
      assert.equal(menus.commandPalette.find((m) => m.command === id)?.when, 'resource in stratdoc.documents', id);
      const c = pkg.contributes.commands.find((x) => x.command === id) as { icon?: string };
      assert.equal(c.icon, '$(preview)', 'its own icon, told apart from the Markdown preview');
    }
  });

  it('translates every %key% in English and German, and no key is left over', () => {
    const used = nlsKeys(pkg);
    const en = json<Record<string, string>>('package.nls.json');
    const de = json<Record<string, string>>('package.nls.de.json');
    assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort(), 'the same keys in both languages');
    for (const k of used) {
      assert.ok(en[k], `package.nls.json: ${k}`);
      assert.ok(de[k], `package.nls.de.json: ${k}`);
    }
    for (const k of Object.keys(en)) assert.ok(used.has(k), `package.nls.json: ${k} is not used`);
    for (const [k, v] of Object.entries(de)) if (!k.startsWith('config.rules.') && v.length > 12) assert.notEqual(v, en[k], `${k} is not translated`);
  });

  it('translates every runtime string of the extension (l10n/bundle.l10n.de.json)', () => {
    const bundle = json<Record<string, string>>('l10n/bundle.l10n.de.json');
    const found = new Set<string>();
    for (const f of fs.readdirSync(path.join(ROOT, 'client', 'src'))) {
      const src = read(path.join('client', 'src', f));
      // A quoted literal, single or double (Prettier picks the quote that needs fewer escapes).
      for (const m of src.matchAll(/\bl10n\.t\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g)) found.add(m[2].replace(/\\(['"])/g, '$1'));
      assert.doesNotMatch(src, /\bl10n\.t\(\s*`/, `${f}: l10n.t takes a quoted literal, so that it can be checked`);
    }
    assert.ok(found.size >= 10);
    for (const s of found) {
      assert.ok(bundle[s], `German for '${s}'`);
      const ph = (x: string) => [...x.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      assert.deepEqual(ph(bundle[s]), ph(s), `placeholders of '${s}'`);
    }
    for (const k of Object.keys(bundle)) assert.ok(found.has(k), `l10n/bundle.l10n.de.json: '${k}' is not used`);
  });
});
