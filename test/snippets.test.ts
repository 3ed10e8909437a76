/**
 * The extension's snippets (snippets/*.json), filled in with their default text, are read
 * by the core as the user means them: the strategy skeletons have all eight steps (no
 * `missing-step`, no `empty-step`), the goal, KPI row and channel define items, the plan
 * table and entries are entries, the YAML is valid YAML, and nothing is a syntax or
 * schema problem or an unknown reference.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument as parseYaml } from 'yaml';
import { parseDocument } from '../server/src/core/parse';
import { loadWorkspace, allFindings, describe1 } from './helpers/fsworkspace';
import { STEP_KEYS } from '../server/src/core/vocab';
import { expandSnippet, loadSnippets, type Snippet } from './helpers/snippets';

function snippetBy(set: Record<string, Snippet>, prefix: string): string {
  const found = Object.values(set).find((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(prefix));
  assert.ok(found, `snippet ${prefix}`);
  return expandSnippet(found.body);
}

const tmpDirs: string[] = [];
after(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function tmpWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-snippets-'));
  tmpDirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Inserts `insert` before the line that starts with `before`. */
function insertBefore(text: string, before: string, insert: string): string {
  const at = text.indexOf(`\n${before}`);
  assert.ok(at >= 0, `line '${before}'`);
  return text.slice(0, at + 1) + insert + (insert.endsWith('\n') ? '' : '\n') + text.slice(at + 1);
}

/** Inserts `insert` after the (first) line that starts with `after`. */
function insertAfter(text: string, after: string, insert: string): string {
  const start = text.indexOf(`\n${after}`);
  assert.ok(start >= 0, `line '${after}'`);
  const eol = text.indexOf('\n', start + 1);
  return text.slice(0, eol + 1) + insert.replace(/\n$/, '') + '\n' + text.slice(eol + 1);
}

const indent = (s: string, by: string) =>
  s
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');

const MUST_NOT = [
  'syntax',
  'schema',
  'missing-step',
  'empty-step',
  'unknown-reference',
  'unknown-person',
  'duplicate-id',
  'undeclared-channel',
  'missing-governance',
  'missing-meetings',
  'missing-guidelines',
  'missing-crisis-plan',
  'missing-strategy',
];

function assertClean(dir: string, extra: string[] = []): void {
  const findings = allFindings(loadWorkspace(dir), '2027-01-10');
  const bad = findings.filter((f) => [...MUST_NOT, ...extra].includes(f.rule));
  assert.deepEqual(
    bad.map((f) => `${describe1(f, dir)}: ${f.message.en}`),
    [],
  );
}

describe('snippets', () => {
  const md = loadSnippets('markdown.json');
  const yml = loadSnippets('yaml.json');

  it('are well-formed: every placeholder closed, every mirror has a default, prefixes start with stratdoc-', () => {
    for (const [name, s] of [...Object.entries(md), ...Object.entries(yml)]) {
      assert.ok(s.description, name);
      for (const p of Array.isArray(s.prefix) ? s.prefix : [s.prefix]) assert.match(p, /^stratdoc-/, name);
      assert.doesNotThrow(() => expandSnippet(s.body), name);
    }
    assert.equal(expandSnippet('a ${1:x ${2:y}} $2 ${3|p,q|} $3 \\$4 ${CURRENT_YEAR}$0'), 'a x y y p p $4 2027');
  });

  for (const [prefix, file, lang] of [
    ['stratdoc-strategie', 'strategie.md', 'de'],
    ['stratdoc-strategy', 'strategy.md', 'en'],
  ] as const) {
    it(`the Markdown strategy skeleton (${lang}) has all eight steps and the other sections`, () => {
      const text = snippetBy(md, prefix);
      const doc = parseDocument(`file:///ws/${file}`, text)!;
      assert.equal(doc.kind, 'strategy');
      assert.equal(doc.language, lang);
      const keys = new Set(doc.strategy!.sections.flatMap((s) => s.keys));
      for (const k of [...STEP_KEYS, 'governance', 'meetings', 'guidelines', 'crisis']) assert.ok(keys.has(k as never), `section ${k}`);
      const s = doc.strategy!;
      assert.deepEqual([s.people.length, s.goals.length, s.kpis.length, s.audiences.length, s.channels.length], [3, 1, 1, 1, 1]);
      assert.equal(s.goals[0].primary?.value, true);
      assert.deepEqual(
        s.kpis[0].goals.map((g) => g.id),
        ['G1'],
      );
      assert.deepEqual(doc.problems, []);
      assertClean(tmpWorkspace({ [file]: text }));
    });
  }

  for (const [lang, strategyPrefix, goal, kpi, channel, table, planSkeleton, file, planDir] of [
    [
      'de',
      'stratdoc-strategie',
      'stratdoc-ziel',
      'stratdoc-kpi',
      'stratdoc-kanal',
      'stratdoc-plan-tabelle',
      'stratdoc-redaktionsplan',
      'strategie.md',
      'plaene',
    ],
    ['en', 'stratdoc-strategy', 'stratdoc-goal', 'stratdoc-kpi', 'stratdoc-channel', 'stratdoc-plan-table', 'stratdoc-plan', 'strategy.md', 'plans'],
  ] as const) {
    it(`goal, KPI row, channel and plan table (${lang}) fit into the skeleton and are read`, () => {
      let text = snippetBy(md, strategyPrefix);
      text = insertBefore(text, '## 4.', snippetBy(md, goal) + '\n');
      text = insertAfter(text, '| K1 |', snippetBy(md, kpi));
      text = insertBefore(text, lang === 'de' ? '## Rollen' : '## Roles', snippetBy(md, channel) + '\n');
      const doc = parseDocument(`file:///ws/${file}`, text)!;
      const s = doc.strategy!;
      assert.deepEqual(
        s.goals.map((g) => g.id),
        ['G1', 'G2'],
      );
      assert.deepEqual(
        s.goals[1].kpis.map((k) => k.id),
        ['K2'],
      );
      assert.deepEqual(
        s.kpis.map((k) => k.id),
        ['K1', 'K2'],
      );
      assert.deepEqual(
        s.kpis[1].goals.map((g) => g.id),
        ['G1'],
      );
      assert.deepEqual(
        s.channels.map((c) => c.id),
        ['instagram', 'linkedin'],
      );
      assert.deepEqual(doc.problems, []);

      const plan = `---\nstratdoc: plan\nstrategy: ../${file}\n---\n# Plan\n\n${snippetBy(md, table)}\n`;
      const p = parseDocument(`file:///ws/${planDir}/q1.md`, plan)!;
      assert.equal(p.plan!.entries.length, 1);
      const e = p.plan!.entries[0];
      assert.equal(e.isoDate, '2027-01-12');
      assert.equal(e.channel?.id, 'instagram');
      assert.equal(e.mode?.value, 'story');
      assert.equal(e.mode?.inferred, false);
      assert.deepEqual(
        e.goals.map((g) => g.id),
        ['G1'],
      );
      assert.ok(e.owner && e.reviewer && e.status && e.time && e.link);
      assert.deepEqual(p.problems, []);

      const skeleton = snippetBy(md, planSkeleton);
      const sk = parseDocument(`file:///ws/${planDir}/q2.md`, skeleton)!;
      assert.equal(sk.kind, 'plan');
      assert.equal(sk.plan!.entries.length, 1);
      assert.equal(sk.plan!.strategyPath?.value, `../${file}`);
      assertClean(tmpWorkspace({ [file]: text, [`${planDir}/q1.md`]: plan, [`${planDir}/q2.md`]: skeleton }));
    });
  }

  for (const [prefix, file, lang] of [
    ['stratdoc-strategy', 'strategy.yaml', 'en'],
    ['stratdoc-strategie', 'strategie.yaml', 'de'],
  ] as const) {
    it(`the YAML strategy skeleton (${lang}) is valid YAML with all eight steps`, () => {
      const text = snippetBy(yml, prefix);
      const y = parseYaml(text);
      assert.deepEqual(y.errors, []);
      const doc = parseDocument(`file:///ws/${file}`, text)!;
      assert.equal(doc.kind, 'strategy');
      assert.equal(doc.language, lang);
      const keys = new Set(doc.strategy!.sections.flatMap((s) => s.keys));
      for (const k of [...STEP_KEYS, 'governance', 'meetings', 'guidelines', 'crisis']) assert.ok(keys.has(k as never), `section ${k}`);
      const s = doc.strategy!;
      assert.deepEqual([s.people.length, s.goals.length, s.kpis.length, s.audiences.length, s.channels.length], [3, 1, 1, 1, 1]);
      assert.equal(s.people[1].management?.value, true);
      assert.deepEqual(doc.problems, []);
      assertClean(tmpWorkspace({ [file]: text }));
    });
  }

  for (const [lang, planPrefix, entryPrefix, strategyPrefix, strategyFile] of [
    ['en', 'stratdoc-plan', 'stratdoc-entry', 'stratdoc-strategy', 'strategy.yaml'],
    ['de', 'stratdoc-redaktionsplan', 'stratdoc-eintrag', 'stratdoc-strategie', 'strategie.yaml'],
  ] as const) {
    it(`the YAML plan skeleton and plan entry (${lang}) are valid YAML and read as entries`, () => {
      const entry = snippetBy(yml, entryPrefix);
      assert.deepEqual(parseYaml(entry).errors, []);
      const plan = snippetBy(yml, planPrefix).replace(/\n*$/, '\n') + indent(entry, '  ') + '\n';
      assert.deepEqual(parseYaml(plan).errors, []);
      const doc = parseDocument('file:///ws/plans/q1.yaml', plan)!;
      assert.equal(doc.kind, 'plan');
      assert.equal(doc.plan!.entries.length, 2);
      for (const e of doc.plan!.entries) {
        assert.equal(e.isoDate, '2027-01-12');
        assert.equal(e.channel?.id, 'instagram');
        assert.equal(e.mode?.value, 'story');
        assert.deepEqual(
          e.goals.map((g) => g.id),
          ['G1'],
        );
        assert.ok(e.owner && e.reviewer && e.status && e.title);
      }
      assert.deepEqual(doc.problems, []);
      assertClean(tmpWorkspace({ [strategyFile]: snippetBy(yml, strategyPrefix), 'plans/q1.yaml': plan }), ['self-review']);
    });
  }
});
