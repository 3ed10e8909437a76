/**
 * Fix-all round trip (issue #14 "Fix for me"): fix-all applied to every fixture workspace
 * of the repository. The findings it fixed are gone, no new finding appears, and nothing
 * else changes; ordinary Markdown/YAML is left as it is. Conflicting fixes (two on one
 * line) are applied one after the other, re-checking between.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace, allFindings } from '../helpers/fsworkspace';
import { autoFix, fixAll, applyTextEdits } from '../../server/src/core/fixall';
import type { Finding } from '../../server/src/core/engine';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { repoRoot } from '../helpers/repo';

const REPO = repoRoot();
const TODAY = '2027-02-15';

/** Every folder that is a fixture workspace: each rule case, each CLI/LSP fixture, the examples. */
function workspaces(): string[] {
  const out: string[] = [];
  const rules = path.join(REPO, 'test/fixtures/rules');
  for (const r of fs.readdirSync(rules)) for (const c of fs.readdirSync(path.join(rules, r))) out.push(path.join(rules, r, c));
  for (const group of ['cli', 'lsp', 'preview', 'badinput']) {
    const dir = path.join(REPO, 'test/fixtures', group);
    if (!fs.existsSync(dir)) continue;
    for (const c of fs.readdirSync(dir)) if (fs.statSync(path.join(dir, c)).isDirectory()) out.push(path.join(dir, c));
  }
  out.push(path.join(REPO, 'test/fixtures/ordinary'), path.join(REPO, 'examples'));
  return out.filter((d) => fs.statSync(d).isDirectory());
}

// A finding by document and rule: its message may change with the fix (push-only says how
// many of its entries had an inferred mode, which a written mode no longer is), its line
// may move with an inserted one.
const key = (f: Finding) => `${f.uri} ${f.rule}`;

function multiset(list: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of list) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
}

function today(dir: string): string {
  const exp = path.join(dir, 'expect.txt');
  const m = fs.existsSync(exp) ? /^today:\s*(\S+)/m.exec(fs.readFileSync(exp, 'utf8')) : null;
  return m ? m[1] : TODAY;
}

describe('fix-all on every fixture', function () {
  this.timeout(120000);
  let total = 0;
  let fixedTotal = 0;

  for (const dir of workspaces()) {
    const name = path.relative(REPO, dir);
    it(name, () => {
      const day = today(dir);
      const ws = loadWorkspace(dir);
      const targets = new Set([...ws.documents()].map((d) => d.uri));
      const before = allFindings(ws, day);
      const fixable = before.filter((f) => autoFix(f, targets));
      const result = fixAll(ws, targets, { today: day });
      const after = allFindings(ws, day);
      total++;
      fixedTotal += fixable.length;
      if (!fixable.length) {
        assert.equal(result.changed.size, 0, 'nothing to fix: nothing changes');
        return;
      }
      // The fixed findings are gone, and no finding is new: what is left is exactly what
      // was there before, less the findings that had a safe fix.
      const expected = multiset(before);
      for (const f of fixable) expected.set(key(f), expected.get(key(f))! - 1);
      const got = multiset(after);
      for (const [k, n] of got) assert.ok(n <= (expected.get(k) ?? 0), `new or unfixed after fix-all: ${k}`);
      for (const [k, n] of expected) assert.equal(got.get(k) ?? 0, n, `a finding disappeared that fix-all did not fix: ${k}`);
      assert.ok(!after.some((f) => autoFix(f, targets)), 'nothing safely fixable is left');
      // Fix-all again changes nothing (it is idempotent).
      assert.equal(fixAll(ws, targets, { today: day }).changed.size, 0);
    });
  }

  it('fixed something in the fixtures at all (the test is not vacuous)', () => {
    assert.ok(total > 100, `${total} workspaces`);
    assert.ok(fixedTotal >= 5, `${fixedTotal} safely fixable findings`);
  });

  it('ordinary Markdown and YAML get no fix at all', () => {
    const ws = loadWorkspace(path.join(REPO, 'test/fixtures/ordinary'));
    assert.equal(fixAll(ws, new Set([...ws.documents()].map((d) => d.uri)), { today: TODAY }).changed.size, 0);
  });
});

describe('fix-all: rounds, conflicts, bounds', () => {
  const plan = (entries: string) => `stratdoc: plan\ntitle: Plan\nlanguage: en\nentries:\n${entries}`;
  function wsOf(text: string): { ws: Workspace; uri: string } {
    const ws = new Workspace(new ConfigResolver({ readFile: () => undefined }, { roots: ['file:///w/'] }));
    const uri = 'file:///w/p.plan.yaml';
    ws.set(uri, text);
    return { ws, uri };
  }

  it('two fixes on one line are applied one after the other, re-checking between', () => {
    // One flow mapping line: the quote fix and the mode fix both edit it.
    const { ws, uri } = wsOf(plan('  - { date: 2027-03-01, channel: instagram, title: Launch offer sale, owner: @anna }\n'));
    const before = allFindings(ws, TODAY).filter((f) => autoFix(f, new Set([uri])));
    assert.deepEqual(before.map((f) => f.rule).sort(), ['mode-inferred', 'syntax']);
    const r = fixAll(ws, new Set([uri]), { today: TODAY });
    assert.equal(r.rounds, 2, 'the second fix waits for a fresh check');
    assert.deepEqual(r.applied.map((a) => a.rule).sort(), ['mode-inferred', 'syntax']);
    assert.match(r.changed.get(uri)!, /owner: "@anna"/);
    assert.match(r.changed.get(uri)!, /mode: push/);
    assert.ok(!allFindings(ws, TODAY).some((f) => f.rule === 'syntax' || f.rule === 'mode-inferred'));
  });

  it('never edits a document outside the targets, and applies no unsafe fix', () => {
    const { ws, uri } = wsOf(plan('  - date: 2027-03-01\n    channel: instagram\n    title: Launch offer sale\n    owner: @anna\n    status: planed\n'));
    assert.equal(fixAll(ws, new Set(['file:///w/other.md']), { today: TODAY }).changed.size, 0);
    const r = fixAll(ws, new Set([uri]), { today: TODAY });
    assert.ok(r.changed.size === 1);
    assert.match(r.changed.get(uri)!, /status: planed/, 'the did-you-mean of a status is a guess: not applied');
  });

  it('keeps CRLF line endings in what it inserts', () => {
    const text = plan('  - date: 2027-03-01\n    channel: instagram\n    title: Launch offer sale\n').replace(/\n/g, '\r\n');
    assert.equal(
      applyTextEdits(text, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: '    mode: push\n' }]).split('\r\n').length,
      text.split('\r\n').length + 1,
    );
    const { ws, uri } = wsOf(text);
    const out = fixAll(ws, new Set([uri]), { today: TODAY }).changed.get(uri)!;
    assert.ok(!/[^\r]\n/.test(out), 'no bare LF');
    assert.match(out, /mode: push\r\n/);
  });
});
