/**
 * A long YAML plan is read in pieces, entry by entry, by the server and by `stratdoc check`
 * alike (core/parse/yaml.ts splitPlan, docs/decisions.md "Many files"): a syntax error
 * inside one entry stays that entry's, in both, and both report the same findings, whether
 * the plan is open in the editor or not.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient } from './harness';
import { run, TODAY } from '../cli/harness';
import { SPLIT_MIN_LENGTH } from '../../server/src/core/parse/yaml';

const PLAN = 'plaene/2027.plan.yaml';

/** A plan as a team keeps it in Git: 200 entries, German values, one line indented by a tab (as pasted from a spreadsheet). */
function workspace(): { root: string; tabLine: number } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-yaml-pieces-'));
  fs.mkdirSync(path.join(root, 'plaene'));
  const lines = ['stratdoc: plan', 'title: Redaktionsplan 2027', 'period: 2027-01-01..2027-12-31', 'entries:'];
  let tabLine = -1;
  for (let i = 0; i < 200; i++) {
    lines.push(`  - date: 2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`);
    lines.push(`    channel: ${i % 3 ? 'instagram' : 'linkedin'}`);
    lines.push(`    title: "Beitrag ${i}: Winterreifen wechseln"`);
    if (i === 57) {
      tabLine = lines.length;
      lines.push('\tstatus: geplant');
    } else lines.push('    status: geplant');
  }
  const text = lines.join('\n') + '\n';
  assert.ok(text.length > SPLIT_MIN_LENGTH, 'long enough to be read in pieces');
  fs.writeFileSync(path.join(root, PLAN), text);
  return { root, tabLine };
}

interface Found {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

function syntaxOf(c: TestClient, uri: string): Found[] {
  return (c.diagnostics.get(uri) ?? [])
    .filter((d) => d.code === 'syntax')
    .map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      message: String(d.message),
    }));
}

const key = (f: Found) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`;

describe('server and CLI: a syntax error inside one entry of a long YAML plan', function () {
  this.timeout(60000);
  let c: TestClient | undefined;
  afterEach(async () => c?.stop());

  it('stays in that entry, and both report the same syntax findings', async () => {
    const { root, tabLine } = workspace();
    const r = run(['check', '--format', 'json', '--lang', 'en', '--today', TODAY, PLAN], { cwd: root });
    assert.equal(r.code, 1, r.stderr);
    const cli: Found[] = (JSON.parse(r.stdout) as (Found & { rule: string })[]).filter((d) => d.rule === 'syntax');
    // One tab: findings on its line only (the whole text read at once gives 1,000 and more, to the end of the file).
    assert.ok(cli.length >= 1 && cli.length <= 5, `${cli.length} syntax findings`);
    for (const d of cli) assert.equal(d.line, tabLine + 1, key(d));
    // The entries after it are read: the plan's last entry is there (no "unknown" cascade hides it).
    assert.ok(!cli.some((d) => d.line > tabLine + 1));

    c = await TestClient.start(root, { locale: 'en', today: TODAY });
    // Closed (read from disk in the background), then open: the same findings as the CLI's.
    const uri = c.uri(PLAN);
    await c.until(() => (c!.diagnostics.get(uri) ?? []).some((d) => d.code === 'syntax'), 'the syntax findings of the closed plan');
    assert.deepEqual(syntaxOf(c, uri).map(key).sort(), cli.map(key).sort(), 'closed in the editor');
    await c.open(PLAN);
    await c.until(() => c!.publishedVersions.get(uri) === 1 && syntaxOf(c!, uri).length > 0, 'the syntax findings of the open plan');
    assert.deepEqual(syntaxOf(c, uri).map(key).sort(), cli.map(key).sort(), 'open in the editor');
  });
});
