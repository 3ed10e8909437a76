/**
 * The TextMate injection grammars of syntaxes/: they are contributed as package.json says,
 * every regex compiles (in Oniguruma, which VS Code uses, and in JavaScript), and they
 * highlight IDs, @handles and modes in stratdoc Markdown and YAML, tokenized with
 * vscode-textmate over the Markdown and YAML grammars of the tm-grammars package, while
 * ordinary Markdown and YAML stays as it was.
 *
 * STRATDOC_YAML_GRAMMAR_DIR may name a folder with VS Code's own YAML grammars
 * (yaml.tmLanguage.json, yaml-1.2.tmLanguage.json, …) to run the YAML cases against them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { MODES } from '../server/src/core/vocab';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] };
};

interface Grammar {
  scopeName: string;
  injectionSelector?: string;
  patterns: unknown[];
  repository: Record<string, unknown>;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

const contributed = pkg.contributes.grammars.map((g) => ({ ...g, grammar: readJson<Grammar>(path.join(ROOT, g.path)) }));

/** Every regex of a grammar, with where it stands. */
function regexes(node: unknown, at = ''): { at: string; source: string }[] {
  const out: { at: string; source: string }[] = [];
  if (Array.isArray(node)) node.forEach((n, i) => out.push(...regexes(n, `${at}[${i}]`)));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (['match', 'begin', 'end', 'while'].includes(k) && typeof v === 'string') out.push({ at: `${at}.${k}`, source: v });
      else out.push(...regexes(v, `${at}.${k}`));
    }
  }
  return out;
}

/** An Oniguruma pattern as a JavaScript RegExp: a leading (?i) becomes the i flag. */
function toJs(source: string): RegExp {
  let flags = '';
  let s = source;
  if (s.startsWith('(?i)')) {
    flags = 'i';
    s = s.slice(4);
  }
  return new RegExp(s, flags);
}

let onigLoaded: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  onigLoaded ??= oniguruma.loadWASM(fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
  return onigLoaded;
}

function registry(yamlDir?: string): vsctm.Registry {
  const files: Record<string, string> = {
    'text.html.markdown': path.join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json'),
    'source.yaml': path.join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'yaml.json'),
  };
  if (yamlDir) {
    files['source.yaml'] = path.join(yamlDir, 'yaml.tmLanguage.json');
    for (const v of ['1.0', '1.1', '1.2', '1.3']) files[`source.yaml.${v}`] = path.join(yamlDir, `yaml-${v}.tmLanguage.json`);
  }
  for (const g of contributed) files[g.scopeName] = path.join(ROOT, g.path);
  return new vsctm.Registry({
    onigLib: loadOniguruma().then(() => ({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    })),
    loadGrammar: async (scopeName) => {
      const file = files[scopeName];
      if (!file || !fs.existsSync(file)) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
    getInjections: (scopeName) => contributed.filter((g) => g.injectTo.includes(scopeName)).map((g) => g.scopeName),
  });
}

interface Token {
  text: string;
  scopes: string[];
}

async function tokenize(reg: vsctm.Registry, scope: string, text: string): Promise<Token[][]> {
  const grammar = await reg.loadGrammar(scope);
  assert.ok(grammar, scope);
  let state = vsctm.INITIAL;
  const lines: Token[][] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    lines.push(r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    state = r.ruleStack;
  }
  return lines;
}

/** The scopes of the token that holds `needle` on the line that contains it (the n-th match). */
function scopesAt(lines: Token[][], source: string, lineContains: string, needle: string): string[] {
  const srcLines = source.split('\n');
  const ln = srcLines.findIndex((l) => l.includes(lineContains));
  assert.ok(ln >= 0, `line with ${lineContains}`);
  const col = srcLines[ln].indexOf(needle, srcLines[ln].indexOf(lineContains));
  assert.ok(col >= 0, `${needle} in line ${ln}`);
  let pos = 0;
  for (const t of lines[ln]) {
    if (col >= pos && col < pos + t.text.length) {
      assert.ok(t.text.includes(needle) || needle.startsWith(t.text) || pos === col, `token '${t.text}' at '${needle}'`);
      return t.scopes;
    }
    pos += t.text.length;
  }
  assert.fail(`no token at ${needle}`);
}

function tokenText(lines: Token[][], source: string, lineContains: string, needle: string): string {
  const srcLines = source.split('\n');
  const ln = srcLines.findIndex((l) => l.includes(lineContains));
  const col = srcLines[ln].indexOf(needle, srcLines[ln].indexOf(lineContains));
  let pos = 0;
  for (const t of lines[ln]) {
    if (col >= pos && col < pos + t.text.length) return t.text;
    pos += t.text.length;
  }
  return '';
}

const has = (scopes: string[], s: string) => scopes.some((x) => x === s || x.startsWith(`${s}.`) || x.split(' ').includes(s));
const stratdoc = (scopes: string[]) => scopes.filter((s) => s.endsWith('.stratdoc'));

describe('TextMate injection grammars', () => {
  it('are contributed as package.json says: scope names and injection targets match', () => {
    assert.equal(contributed.length, 2);
    for (const g of contributed) {
      assert.ok(fs.existsSync(path.join(ROOT, g.path)), g.path);
      assert.equal(g.grammar.scopeName, g.scopeName, g.path);
      const sel = g.grammar.injectionSelector;
      assert.ok(sel, `${g.path}: injectionSelector`);
      const target = /^L:(\S+)/.exec(sel)![1];
      assert.deepEqual(g.injectTo, [target], `${g.path}: injectTo matches the injectionSelector`);
      for (const inc of regexesIncludes(g.grammar)) assert.ok(inc in g.grammar.repository, `${g.path}: #${inc} is defined`);
    }
    const scopes = contributed.map((g) => g.injectTo[0]).sort();
    assert.deepEqual(scopes, ['source.yaml', 'text.html.markdown']);
  });

  it('are what scripts/gen-grammars.js writes (edit there, then run it)', () => {
    const gen = path.join(ROOT, 'scripts', 'gen-grammars.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain JS script, loaded by its path
    const { grammars } = require(gen) as { grammars(): Record<string, string> };
    for (const [name, text] of Object.entries(grammars())) {
      assert.equal(fs.readFileSync(path.join(ROOT, 'syntaxes', name), 'utf8'), text, `syntaxes/${name} is stale: node scripts/gen-grammars.js`);
    }
  });

  it('every regex compiles in JavaScript and in Oniguruma', async () => {
    await loadOniguruma();
    for (const g of contributed) {
      const all = regexes(g.grammar);
      assert.ok(all.length >= 6, g.path);
      for (const r of all) {
        assert.doesNotThrow(() => toJs(r.source), `${g.path} ${r.at}: JavaScript`);
        assert.doesNotThrow(() => new oniguruma.OnigScanner([r.source]).dispose(), `${g.path} ${r.at}: Oniguruma`);
      }
    }
  });

  describe('Markdown', () => {
    const reg = registry();
    const strategy = [
      '---',
      'stratdoc: strategy',
      'title: Strategie',
      '---',
      '# Social-Media-Strategie',
      '',
      '## 1. Team',
      '| Person | Rolle | Bereich |',
      '|---|---|---|',
      '| @anna | Social Media Lead | Marketing |',
      '',
      '## 3. Ziele',
      '### G1: Mehr Probefahrten',
      '- Art: Abverkauf',
      '- Kennzahlen: K1, K2',
      '- **Ziele:** G7 und G8',
      '',
      '## 4. Kennzahlen',
      '| ID | Kennzahl | Metrik | Ziel |',
      '|---|---|---|---|',
      '| K1 | Probefahrt-Anfragen | conversions | G1 |',
      '',
      '- A1: Pendler',
      '',
      '## Plan',
      '| Datum | Kanal | Thema | Modus | Ziel | Verantwortlich |',
      '|---|---|---|---|---|---|',
      '| 02.04.2027 | Instagram | Frühlingscheck | Tipps | G1 | @dirk |',
      '| 03.04.2027 | Instagram | Angebot der Woche | Werbung | G1, G2 | @dirk |',
      '',
      '- Modus: Menschen',
      '- **Mode:** push',
      'Ein Satz mit @sven darin.',
    ].join('\n');

    it('highlights @handles, IDs in definitions and references, and modes', async () => {
      const t = await tokenize(reg, 'text.html.markdown', strategy);
      assert.ok(has(scopesAt(t, strategy, '| @anna', '@anna'), 'variable.other.person.stratdoc'));
      assert.equal(tokenText(t, strategy, '| @anna', 'anna'), 'anna');
      assert.ok(has(scopesAt(t, strategy, 'Ein Satz', '@sven'), 'punctuation.definition.person.stratdoc'));
      const g1 = scopesAt(t, strategy, '### G1', 'G1');
      assert.ok(has(g1, 'entity.name.type.id.stratdoc'), g1.join(' '));
      assert.ok(
        g1.some((s) => s.startsWith('markup.heading')),
        'still a heading',
      );
      assert.ok(has(scopesAt(t, strategy, '- A1:', 'A1'), 'entity.name.type.id.stratdoc'));
      for (const id of ['K1', 'K2']) assert.ok(has(scopesAt(t, strategy, '- Kennzahlen:', id), 'variable.other.constant.reference.stratdoc'), id);
      for (const id of ['G7', 'G8']) assert.ok(has(scopesAt(t, strategy, '**Ziele:**', id), 'variable.other.constant.reference.stratdoc'), id);
      assert.ok(has(scopesAt(t, strategy, '| K1 |', 'K1'), 'entity.name.type.id.stratdoc'));
      assert.ok(has(scopesAt(t, strategy, '| K1 |', 'G1'), 'variable.other.constant.reference.stratdoc'));
      assert.ok(has(scopesAt(t, strategy, '| 02.04.2027', 'Tipps'), 'keyword.other.mode.stratdoc'));
      assert.ok(has(scopesAt(t, strategy, '| 02.04.2027', 'G1'), 'variable.other.constant.reference.stratdoc'));
      assert.ok(has(scopesAt(t, strategy, '| 02.04.2027', '@dirk'), 'variable.other.person.stratdoc'));
      assert.ok(has(scopesAt(t, strategy, '| 03.04.2027', 'Werbung'), 'keyword.other.mode.push.stratdoc'));
      assert.ok(has(scopesAt(t, strategy, '| 03.04.2027', 'G2'), 'variable.other.constant.reference.stratdoc'));
      assert.ok(has(scopesAt(t, strategy, '- Modus:', 'Menschen'), 'keyword.other.mode.stratdoc'));
      assert.ok(has(scopesAt(t, strategy, '**Mode:**', 'push'), 'keyword.other.mode.push.stratdoc'));
      assert.deepEqual(stratdoc(scopesAt(t, strategy, '- Art:', 'Abverkauf')), []);
      assert.deepEqual(stratdoc(scopesAt(t, strategy, '| Person |', 'Person')), []);
    });

    it('leaves ordinary Markdown alone', async () => {
      const readme = [
        '# Installation: how to',
        '### Step: one',
        'Write to anna@example.com or install @types/node.',
        'Inline `@anna` and `mode: push` stay code.',
        'The mode: push notifications are on.',
        '- Goal: grow the community',
        '| Version | Notes |',
        '|---|---|',
        '| v1 | first |',
        '| Team | Service |',
        '```yaml',
        'owner: @anna',
        'mode: push',
        '```',
      ].join('\n');
      const t = await tokenize(reg, 'text.html.markdown', readme);
      const all = t.flat().flatMap((tok) => stratdoc(tok.scopes).map((s) => `${tok.text}: ${s}`));
      assert.deepEqual(all, []);
    });
  });

  // VS Code's own YAML grammars ship with code-server (scripts/e2e/install.sh puts it in .e2e/).
  const repo = path.resolve(__dirname, '../..');
  const bundled = path.join(repo, '.e2e/code-server/node_modules/code-server/lib/vscode/extensions/yaml/syntaxes');
  const vscodeYaml = process.env.STRATDOC_YAML_GRAMMAR_DIR ?? (fs.existsSync(bundled) ? bundled : undefined);
  for (const [label, dir] of [
    ['YAML (tm-grammars)', undefined],
    ['YAML (VS Code)', vscodeYaml],
  ] as const) {
    describe(label, () => {
      before(function () {
        if (label.includes('VS Code') && !dir) {
          if (process.env.CI === 'true') throw new Error("VS Code's YAML grammar is missing: run 'bash scripts/e2e/install.sh' (code-server ships it)");
          console.log("      (skipped: VS Code's YAML grammar comes with code-server: bash scripts/e2e/install.sh)");
          this.skip();
        }
      });
      const plan = [
        'stratdoc: plan',
        'strategy: ../strategie.md',
        'entries:',
        '  - date: 2027-01-12',
        '    channel: instagram',
        '    mode: people',
        '    goal: G1',
        '    owner: anna',
        '    reviewer: "@dirk"',
        '  - datum: 2027-01-19',
        '    modus: Werbung # Angebot',
        '    ziele: [G1, G2]',
        '    verantwortlich: sven',
        'goals:',
        '  - id: G1',
        '    kpis: [K1, K2]',
        '    resources: ["@anna", 6 h/Woche]',
        '  - { id: G3, title: Flow, type: conversion }',
      ].join('\n');

      it('highlights modes, IDs and people after stratdoc keys, keys stay keys', async () => {
        const t = await tokenize(registry(dir), 'source.yaml', plan);
        assert.ok(has(scopesAt(t, plan, 'mode: people', 'people'), 'keyword.other.mode.stratdoc'));
        assert.ok(has(scopesAt(t, plan, 'modus: Werbung', 'Werbung'), 'keyword.other.mode.push.stratdoc'));
        assert.deepEqual(stratdoc(scopesAt(t, plan, 'modus: Werbung', 'Angebot')), [], 'a comment is a comment');
        assert.ok(has(scopesAt(t, plan, 'goal: G1', 'G1'), 'variable.other.constant.reference.stratdoc'));
        assert.ok(has(scopesAt(t, plan, 'ziele: [', 'G1'), 'variable.other.constant.reference.stratdoc'));
        assert.ok(has(scopesAt(t, plan, 'ziele: [', 'G2'), 'variable.other.constant.reference.stratdoc'));
        assert.ok(has(scopesAt(t, plan, 'kpis: [K1', 'K2'), 'variable.other.constant.reference.stratdoc'));
        assert.ok(has(scopesAt(t, plan, '- id: G1', 'G1'), 'entity.name.type.id.stratdoc'));
        assert.ok(has(scopesAt(t, plan, '{ id: G3', 'G3'), 'entity.name.type.id.stratdoc'));
        assert.ok(has(scopesAt(t, plan, 'owner: anna', 'anna'), 'variable.other.person.stratdoc'));
        assert.ok(has(scopesAt(t, plan, 'verantwortlich: sven', 'sven'), 'variable.other.person.stratdoc'));
        assert.ok(has(scopesAt(t, plan, 'reviewer: "@dirk"', '@dirk'), 'variable.other.person.stratdoc'));
        assert.ok(has(scopesAt(t, plan, 'resources: ["@anna"', '@anna'), 'variable.other.person.stratdoc'));
        const key = scopesAt(t, plan, 'mode: people', 'mode');
        assert.ok(
          key.some((s) => s.includes('entity.name.tag')),
          `key keeps its scope: ${key.join(' ')}`,
        );
        assert.deepEqual(stratdoc(scopesAt(t, plan, 'channel: instagram', 'instagram')), []);
      });

      it('knows every mode of the vocabulary, push and mixed apart', async () => {
        const reg = registry(dir);
        for (const m of MODES) {
          for (const alias of [m.key, ...m.de, ...m.en]) {
            const text = `mode: ${alias}\nmodus: ${alias.toUpperCase()}`;
            const t = await tokenize(reg, 'source.yaml', text);
            for (const line of ['mode:', 'modus:']) {
              const scopes = scopesAt(t, text, line, line === 'mode:' ? alias : alias.toUpperCase());
              assert.ok(
                has(scopes, m.key === 'push' ? 'keyword.other.mode.push.stratdoc' : 'keyword.other.mode.stratdoc'),
                `${line} ${alias}: ${scopes.join(' ')}`,
              );
              assert.ok(m.key === 'push' || !has(scopes, 'keyword.other.mode.push.stratdoc'), alias);
            }
          }
        }
      });

      it('leaves ordinary YAML alone', async () => {
        const ci = [
          'name: CI',
          'on: [push, pull_request]',
          'jobs:',
          '  build:',
          '    runs-on: ubuntu-latest',
          '    strategy:',
          '      matrix: { node: [v18, v20] }',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '      - run: npm test # mode: push',
          '        env: { MODE: push-only, email: "anna@example.com" }',
          'apiVersion: v1',
          'image: node:20',
        ].join('\n');
        const t = await tokenize(registry(dir), 'source.yaml', ci);
        const all = t.flat().flatMap((tok) => stratdoc(tok.scopes).map((s) => `${tok.text}: ${s}`));
        assert.deepEqual(all, []);
      });
    });
  }
});

function regexesIncludes(g: Grammar): string[] {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n)) {
        if (k === 'include' && typeof v === 'string' && v.startsWith('#')) out.push(v.slice(1));
        else walk(v);
      }
    }
  };
  walk(g);
  return out;
}
