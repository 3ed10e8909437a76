/**
 * The sample workspaces of examples/: every document is detected and linked to its
 * strategy, every planted problem is found where its README says, nothing else breaks
 * the reading of the files (no syntax/schema findings except planted ones), and each
 * README lists exactly the rules that are planted.
 *
 * A planted finding is expected at `file:line` (1-based). A rule may anchor a finding
 * anywhere inside the same plan entry or strategy item (the entry's date, title or the
 * field at fault), so a finding whose line lies in the entry or item that holds the
 * expected line counts too. Findings with no line are expected anywhere in the file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace, allFindings, describe1 } from './helpers/fsworkspace';
import { toUri } from '../server/src/core/uri';
import { RULES_BY_ID } from '../server/src/core/rules';
import type { Finding } from '../server/src/core/engine';
import type { ParsedDocument } from '../server/src/core/model';
import type { Workspace } from '../server/src/core/workspace';

const REPO = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(REPO, 'examples');
const TODAY = '2027-02-15';

interface Planted {
  rule: string;
  file: string;
  /** 1-based; undefined: anywhere in the file. */
  line?: number;
  /** A word the English message must contain (for findings without a line). */
  mentions?: RegExp;
}

interface Example {
  dir: string;
  strategy: string;
  /** Plan file → how it finds its strategy. */
  plans: Record<string, 'path' | 'folder'>;
  planted: Planted[];
  /** Findings that must not appear (a suppression, a decision of the rules). */
  absent?: Planted[];
}

const EXAMPLES_LIST: Example[] = [
  {
    dir: 'autohaus-de',
    strategy: 'strategie.md',
    plans: { 'plaene/2027-q1.plan.yaml': 'path', 'plaene/2027-q2.md': 'folder' },
    planted: [
      { rule: 'vanity-kpis-only', file: 'strategie.md', line: 52 },
      { rule: 'kpi-not-smart', file: 'strategie.md', line: 77 },
      { rule: 'unplanned-channel', file: 'strategie.md', line: 143 },
      { rule: 'stale-entry', file: 'plaene/2027-q1.plan.yaml', line: 136 },
      { rule: 'push-ratio', file: 'plaene/2027-q1.plan.yaml', mentions: /March|2027-03/ },
      { rule: 'mode-inferred', file: 'plaene/2027-q1.plan.yaml', line: 245 },
      { rule: 'mode-inferred', file: 'plaene/2027-q1.plan.yaml', line: 255 },
      { rule: 'untracked-link', file: 'plaene/2027-q1.plan.yaml', line: 281 },
      { rule: 'undeclared-channel', file: 'plaene/2027-q1.plan.yaml', line: 346 },
      { rule: 'self-review', file: 'plaene/2027-q2.md', line: 20 },
      { rule: 'unknown-person', file: 'plaene/2027-q2.md', line: 27 },
      { rule: 'missing-review', file: 'plaene/2027-q2.md', line: 28 },
      { rule: 'entry-without-owner', file: 'plaene/2027-q2.md', line: 41 },
      { rule: 'entry-without-goal', file: 'plaene/2027-q2.md', line: 44 },
      { rule: 'channel-gap', file: 'plaene/2027-q2.md', mentions: /facebook/i },
      { rule: 'date-outside-period', file: 'plaene/2027-q2.md', line: 67 },
      { rule: 'no-business-result', file: 'strategie.md', line: 64 },
      { rule: 'below-cadence', file: 'plaene/2027-q2.md', mentions: /Facebook.*May 2027: 0/ },
    ],
    absent: [
      // January and February are free of push; the whole plan is below 20 %.
      { rule: 'push-ratio', file: 'plaene/2027-q2.md' },
      // A cancelled entry counts for nothing: the Messe-Rabatt (status gestrichen) has no reviewer.
      { rule: 'missing-review', file: 'plaene/2027-q1.plan.yaml' },
      // @dirk is Geschäftsführer: the team has management.
      { rule: 'no-management', file: 'strategie.md' },
      { rule: 'missing-step', file: 'strategie.md' },
      // The typo'd channel "Instagramm" is undeclared-channel's finding only, not also a gap.
      { rule: 'channel-gap', file: 'plaene/2027-q1.plan.yaml' },
    ],
  },
  {
    dir: 'bakery-en',
    strategy: 'strategy.yaml',
    plans: { 'plans/2027-q1.plan.md': 'folder', 'plans/2027-q2.yaml': 'path' },
    planted: [
      { rule: 'missing-step', file: 'strategy.yaml', line: 3 },
      { rule: 'missing-crisis-plan', file: 'strategy.yaml', line: 3 },
      { rule: 'missing-guidelines', file: 'strategy.yaml', line: 3 },
      { rule: 'single-department', file: 'strategy.yaml', mentions: /Marketing/ },
      { rule: 'no-management', file: 'strategy.yaml' },
      { rule: 'empty-step', file: 'strategy.yaml', line: 12 },
      { rule: 'multiple-primary-goals', file: 'strategy.yaml', line: 23 },
      { rule: 'goal-without-kpi', file: 'strategy.yaml', line: 25 },
      { rule: 'unlinked-goal', file: 'strategy.yaml', line: 29 },
      { rule: 'duplicate-id', file: 'strategy.yaml', line: 38 },
      { rule: 'kpi-without-goal', file: 'strategy.yaml', line: 40 },
      { rule: 'channel-without-rationale', file: 'strategy.yaml', line: 90 },
      { rule: 'push-only', file: 'plans/2027-q1.plan.md', mentions: /linkedin/i },
      { rule: 'published-in-future', file: 'plans/2027-q1.plan.md', line: 34 },
      { rule: 'mode-inferred', file: 'plans/2027-q1.plan.md', line: 38 },
      { rule: 'unknown-reference', file: 'plans/2027-q2.yaml', line: 149 },
      { rule: 'schema', file: 'plans/2027-q2.yaml', line: 214 },
      { rule: 'syntax', file: 'plans/2027-q2.yaml', line: 222 },
      { rule: 'placeholder-content', file: 'strategy.yaml', line: 10 },
      { rule: 'audience-without-description', file: 'strategy.yaml', line: 55 },
      { rule: 'channel-without-how', file: 'strategy.yaml', line: 84 },
      { rule: 'content-mix', file: 'plans/2027-q2.yaml', mentions: /instagram/i },
      { rule: 'below-cadence', file: 'plans/2027-q2.yaml', mentions: /tiktok/i },
    ],
    absent: [
      // Suppressed by `# stratdoc-disable-next-line entry-without-goal` (bank holiday notice).
      { rule: 'entry-without-goal', file: 'plans/2027-q2.yaml' },
      // TikTok has entries in Q2.
      { rule: 'unplanned-channel', file: 'strategy.yaml' },
      // The monthly newsletter is allowed 35 days by .stratdoc.yaml.
      { rule: 'channel-gap', file: 'plans/2027-q1.plan.md' },
      { rule: 'channel-gap', file: 'plans/2027-q2.yaml' },
      // LinkedIn in Q2 has a story and a service entry: push-only counts per plan document.
      { rule: 'push-only', file: 'plans/2027-q2.yaml' },
      { rule: 'push-ratio', file: 'plans/2027-q1.plan.md' },
      { rule: 'push-ratio', file: 'plans/2027-q2.yaml' },
      // G44 is a broken reference (unknown-reference), not a missing goal.
      { rule: 'entry-without-goal', file: 'plans/2027-q2.yaml', line: 149 },
    ],
  },
];

/** The rules of issue 12: each fires in the examples exactly where planted. */
const PRACTICE_RULES = [
  'placeholder-content',
  'audience-without-description',
  'no-business-result',
  'missing-budget',
  'channel-without-how',
  'content-mix',
  'below-cadence',
];

function rel(uri: string, dir: string): string {
  const root = toUri(dir) + '/';
  return decodeURIComponent(uri.startsWith(root) ? uri.slice(root.length) : uri);
}

/** The 0-based line span of the plan entry or strategy item that holds a line (the innermost). */
function unitAt(doc: ParsedDocument, line: number): { start: number; end: number } | undefined {
  const ranges = [
    ...(doc.plan?.entries ?? []).map((e) => e.range),
    ...(doc.strategy
      ? [...doc.strategy.people, ...doc.strategy.goals, ...doc.strategy.kpis, ...doc.strategy.audiences, ...doc.strategy.channels].map((i) => i.range)
      : []),
  ];
  let best: { start: number; end: number } | undefined;
  for (const r of ranges) {
    if (r.start.line > line || r.end.line < line) continue;
    if (!best || r.start.line > best.start) best = { start: r.start.line, end: r.end.line };
  }
  return best;
}

function matches(f: Finding, p: Planted, ws: Workspace, dir: string): boolean {
  if (f.rule !== p.rule || rel(f.uri, dir) !== p.file) return false;
  if (p.mentions && !p.mentions.test(f.message.en)) return false;
  if (p.line === undefined) return true;
  const at = f.range.start.line;
  if (at === p.line - 1) return true;
  const doc = ws.get(f.uri);
  const unit = doc && unitAt(doc, p.line - 1);
  return !!unit && at >= unit.start && at <= unit.end;
}

function show(p: Planted): string {
  return `${p.file}${p.line ? `:${p.line}` : ''} ${p.rule}`;
}

describe('examples', () => {
  for (const ex of EXAMPLES_LIST) {
    describe(ex.dir, () => {
      const dir = path.join(EXAMPLES, ex.dir);
      let ws: Workspace;
      let findings: Finding[];
      const listing = () => findings.map((f) => `  ${describe1(f, dir)}: ${f.message.en}`).join('\n');

      before(() => {
        ws = loadWorkspace(dir);
        findings = allFindings(ws, TODAY);
      });

      it('detects the strategy and the plans, and nothing else', () => {
        const docs = [...ws.documents()].map((d) => `${rel(d.uri, dir)} ${d.kind}`).sort();
        const want = [`${ex.strategy} strategy`, ...Object.keys(ex.plans).map((p) => `${p} plan`)].sort();
        assert.deepEqual(docs, want);
      });

      it('links every plan to the strategy, by path or by folder', () => {
        const projects = ws.projects();
        assert.equal(projects.length, 1, `one project, got ${projects.length}`);
        const p = projects[0];
        assert.equal(p.strategy && rel(p.strategy.uri, dir), ex.strategy);
        const links: Record<string, string | undefined> = {};
        for (const plan of p.plans) links[rel(plan.uri, dir)] = p.links.get(plan.uri)?.via;
        assert.deepEqual(links, ex.plans);
      });

      for (const p of ex.planted) {
        it(`finds ${show(p)}`, () => {
          assert.ok(
            findings.some((f) => matches(f, p, ws, dir)),
            `expected ${show(p)}; found:\n${listing()}`,
          );
        });
      }

      for (const p of ex.absent ?? []) {
        it(`does not report ${show(p)}`, () => {
          const got = findings.filter((f) => matches(f, p, ws, dir));
          assert.deepEqual(
            got.map((f) => describe1(f, dir)),
            [],
            `unexpected ${show(p)}`,
          );
        });
      }

      it('has no syntax or schema findings except the planted ones', () => {
        const planted = ex.planted.filter((p) => p.rule === 'syntax' || p.rule === 'schema');
        const extra = findings.filter((f) => (f.rule === 'syntax' || f.rule === 'schema') && !planted.some((p) => matches(f, p, ws, dir)));
        assert.deepEqual(
          extra.map((f) => `${describe1(f, dir)}: ${f.message.en}`),
          [],
        );
      });

      it('has every finding in both languages and inside its document', () => {
        for (const f of findings) {
          assert.ok(f.message.en && f.message.de, `${describe1(f, dir)} without a message in both languages`);
          const doc = ws.get(f.uri)!;
          assert.ok(f.range.end.line < doc.lines.lineCount, `${describe1(f, dir)} out of the document`);
        }
      });

      it('the rules of issue 12 fire where planted and nowhere else', () => {
        const extra = findings.filter((f) => PRACTICE_RULES.includes(f.rule) && !ex.planted.some((p) => matches(f, p, ws, dir)));
        assert.deepEqual(
          extra.map((f) => `${describe1(f, dir)}: ${f.message.en}`),
          [],
        );
      });

      it('README lists exactly the planted rules', () => {
        const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
        const inTable = new Set<string>();
        for (const line of readme.split(/\r?\n/)) {
          if (!line.startsWith('|')) continue;
          const cells = line.split('|').map((c) => c.trim());
          const last = cells[cells.length - 2] ?? '';
          const m = /^`([a-z-]+)`$/.exec(last);
          if (m && RULES_BY_ID.has(m[1])) inTable.add(m[1]);
        }
        assert.deepEqual([...inTable].sort(), [...new Set(ex.planted.map((p) => p.rule))].sort());
      });
    });
  }

  describe('findings per rule (issue 12: no rule drowns the rest)', () => {
    for (const ex of EXAMPLES_LIST) {
      it(`${ex.dir}: no rule makes more than a third of the findings`, function () {
        const findings = allFindings(loadWorkspace(path.join(EXAMPLES, ex.dir)), TODAY);
        const byRule = new Map<string, number>();
        for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
        const rows = [...byRule.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        // Printed so that a change in the balance shows in the test log.
        console.log(`      ${ex.dir}: ${findings.length} findings; ${rows.map(([r, n]) => `${r} ${n}`).join(', ')}`);
        assert.ok(findings.length >= 10, `${ex.dir} should be a realistic plan with findings, got ${findings.length}`);
        for (const [rule, n] of rows) assert.ok(n * 3 <= findings.length, `${rule} makes ${n} of ${findings.length} findings, more than a third`);
      });
    }
  });

  describe('the whole examples folder', () => {
    it('keeps the two workspaces apart: same findings as each on its own', () => {
      const all = allFindings(loadWorkspace(EXAMPLES), TODAY)
        .map((f) => describe1(f, EXAMPLES))
        .sort();
      const each = EXAMPLES_LIST.flatMap((ex) => allFindings(loadWorkspace(path.join(EXAMPLES, ex.dir)), TODAY).map((f) => describe1(f, EXAMPLES))).sort();
      assert.deepEqual(all, each);
    });

    it('has every rule of the catalog planted in at least one example, or listed as not planted', () => {
      const planted = new Set(EXAMPLES_LIST.flatMap((ex) => ex.planted.map((p) => p.rule)));
      const notPlanted = ['missing-strategy', 'missing-governance', 'missing-meetings', 'no-primary-goal', 'missing-budget', 'unmarked-document'];
      for (const id of RULES_BY_ID.keys()) assert.ok(planted.has(id) || notPlanted.includes(id), `${id} is neither planted nor listed as not planted`);
      const readme = fs.readFileSync(path.join(EXAMPLES, 'README.md'), 'utf8');
      for (const id of notPlanted) assert.ok(readme.includes(`\`${id}\``), `examples/README.md does not name ${id} as not planted`);
    });
  });
});
