/**
 * Rule fixtures, in the manner of markdownlint: every folder
 * test/fixtures/rules/<rule>/<case>/ is a small workspace; its `expect.txt` lists the
 * findings of <rule> it must produce, one `file:line:col` a line (1-based), nothing for
 * a case where the rule must stay silent. A line `today: YYYY-MM-DD` pins the date
 * (default 2027-02-15). A line `also: rule-a rule-b` lists other rules whose findings in
 * this case are checked as well (written `file:line:col rule` then).
 *
 * Every fix offered by a finding is applied and the workspace re-checked: the finding
 * must be gone and no finding of another rule may appear (RULES.md: "every fix must
 * leave the document valid and change nothing else").
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace, describe1, allFindings, listFiles } from '../helpers/fsworkspace';
import { applyEdits } from '../helpers/edits';
import { toUri } from '../../server/src/core/uri';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { repoRoot } from '../helpers/repo';

const ROOT = path.join(repoRoot(), 'test/fixtures/rules');

function readExpect(file: string): { today: string; also: string[]; lines: string[] } {
  const out = { today: '2027-02-15', also: [] as string[], lines: [] as string[] };
  if (!fs.existsSync(file)) return out;
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const l = raw.trim();
    if (!l || l.startsWith('#')) continue;
    const m = /^(today|also):\s*(.*)$/.exec(l);
    if (m && m[1] === 'today') out.today = m[2];
    else if (m) out.also = m[2].split(/\s+/).filter(Boolean);
    else out.lines.push(l);
  }
  return out;
}

describe('rule fixtures', () => {
  const rules = fs.existsSync(ROOT)
    ? fs
        .readdirSync(ROOT)
        .filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory())
        .sort()
    : [];
  for (const rule of rules) {
    describe(rule, () => {
      it('is a rule of the catalog', () => assert.ok(RULES_BY_ID.has(rule), `no rule ${rule}`));
      const cases = fs
        .readdirSync(path.join(ROOT, rule))
        .filter((d) => fs.statSync(path.join(ROOT, rule, d)).isDirectory())
        .sort();
      for (const c of cases) {
        const dir = path.join(ROOT, rule, c);
        it(c, () => {
          const exp = readExpect(path.join(dir, 'expect.txt'));
          const ws = loadWorkspace(dir);
          const findings = allFindings(ws, exp.today);
          const watched = new Set([rule, ...exp.also]);
          const got = findings
            .filter((f) => watched.has(f.rule))
            .map((f) => describe1(f, dir))
            .map((s) => (exp.also.length ? s : s.replace(new RegExp(` ${rule}$`), '')))
            .sort();
          const want = [...exp.lines].sort();
          assert.deepEqual(
            got,
            want,
            `findings of ${[...watched].join(', ')} in ${path.relative(process.cwd(), dir)}:\n${findings.map((f) => `  ${describe1(f, dir)}: ${f.message.en}`).join('\n')}`,
          );
          // Every finding has a message in both languages and a range inside its document.
          for (const f of findings) {
            assert.ok(f.message.en && f.message.de, `${f.rule} without a message in both languages`);
            // An unmarked-document finding is on a file that is no document: count its own lines.
            const lineCount = ws.get(f.uri)?.lines.lineCount ?? fs.readFileSync(new URL(f.uri), 'utf8').split('\n').length;
            assert.ok(f.range.start.line < lineCount && f.range.end.line < lineCount, `${describe1(f, dir)} out of the document`);
          }
          // Every fix removes its finding and adds none of another rule.
          for (const f of findings.filter((x) => watched.has(x.rule))) {
            for (const fix of f.fixes ?? []) {
              const overrides: Record<string, string> = {};
              const root = toUri(dir) + '/';
              for (const e of fix.edits) {
                const rel = decodeURIComponent(e.uri.slice(root.length));
                const before = overrides[rel] ?? ws.get(e.uri)?.text ?? fs.readFileSync(new URL(e.uri), 'utf8');
                overrides[rel] = applyEdits(before, e.edits);
              }
              const after = allFindings(loadWorkspace(dir, overrides), exp.today);
              const count = (list: typeof findings, r: string) => list.filter((x) => x.rule === r).length;
              assert.ok(
                count(after, f.rule) < count(findings, f.rule),
                `fix "${fix.title.en}" for ${describe1(f, dir)} did not remove the finding:\n${Object.values(overrides).join('\n----\n')}`,
              );
              // The marker fix of unmarked-document makes the file a document: that its rules
              // then speak is the point of the fix (they are checked by the other fixtures).
              const rulesAfter = new Set(f.rule === 'unmarked-document' ? [] : after.map((x) => x.rule));
              for (const r of rulesAfter) {
                if (r === f.rule) continue;
                assert.ok(
                  count(after, r) <= count(findings, r),
                  `fix "${fix.title.en}" for ${describe1(f, dir)} added a ${r} finding: ${after
                    .filter((x) => x.rule === r)
                    .map((x) => describe1(x, dir) + ' ' + x.message.en)
                    .join('; ')}\n${Object.values(overrides).join('\n----\n')}`,
                );
              }
            }
          }
        });
      }
    });
  }
  it('found the fixture folder', () => assert.ok(listFiles(ROOT).length > 0 || rules.length === 0));
});
