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
import { LineIndex } from '../../server/src/core/text';

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
  rule?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

function syntaxOf(c: TestClient, uri: string, all = false): Found[] {
  return (c.diagnostics.get(uri) ?? [])
    .filter((d) => all || d.code === 'syntax')
    .map((d) => ({
      rule: String(d.code),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      message: String(d.message),
    }));
}

const key = (f: Found) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`;
const ruleKey = (f: Found) => `${f.rule} ${key(f)}`;

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

  it('after keystrokes that splice the split (an entry merged, one split off, the last entry, the tail, the head, Enter), as the CLI reads the saved text', async () => {
    const { root } = workspace();
    let text = fs.readFileSync(path.join(root, PLAN), 'utf8');
    c = await TestClient.start(root, { locale: 'en', today: TODAY });
    const uri = await c.open(PLAN, text);
    let version = 1;
    const type = async (line: number, character: number, end: number, insert: string) => {
      const li = new LineIndex(text);
      const e = Math.min(end, li.lineText(line).length);
      text = text.slice(0, li.offsetAt({ line, character })) + insert + text.slice(li.offsetAt({ line, character: e }));
      await c!.edit(PLAN, { start: { line, character }, end: { line, character: e } }, insert);
      version++;
    };
    // Entry i starts on line 4 + 4i (the head has four lines, each entry four).
    await type(4 + 4 * 20, 0, 0, 'q'); // entry 20 merges into entry 19
    await type(4 + 4 * 90 + 1, 2, 3, '-'); // entry 90's channel line starts an entry of its own
    await type(4 + 4 * 120 + 1, 1000, 1000, '\n    note: neu'); // Enter and a field in entry 120
    await type(4 + 4 * 150 + 3, 0, 0, '\n'); // a blank line above entry 150's status
    await type(4 + 4 * 199 + 2, 0, 0, 'z'); // the last entry's title at column 0: the tail starts there
    await type(new LineIndex(text).lineCount - 1, 0, 0, 'notes: Ende\n'); // a key after the list
    await type(1, 10, 10, 'X'); // the title in the head
    await c.until(() => c!.publishedVersions.get(uri) === version, 'the last keystroke published');
    const server = syntaxOf(c, uri, true);
    fs.writeFileSync(path.join(root, PLAN), text);
    const r = run(['check', '--format', 'json', '--lang', 'en', '--today', TODAY, PLAN], { cwd: root });
    assert.equal(r.code, 1, r.stderr);
    const cli: Found[] = JSON.parse(r.stdout) as Found[];
    assert.ok(
      cli.some((d) => d.rule === 'syntax' && d.line === 4 + 4 * 20 + 1),
      'the merged line is a syntax error',
    );
    // The editor gets the 500 most severe and a line that says how many more (stratdoc.maxDiagnostics):
    // each of those is the CLI's, and what the reader says (syntax, schema) is the same in both.
    const [fromServer, fromCli] = [server.map(ruleKey), cli.map(ruleKey)];
    const summary = fromServer.filter((k) => !fromCli.includes(k));
    assert.ok(summary.length <= 1 && fromServer.length >= Math.min(500, fromCli.length), `the server's own: ${summary.join('; ')}`);
    const read = (xs: Found[]) =>
      xs
        .filter((d) => d.rule === 'syntax' || d.rule === 'schema')
        .map(ruleKey)
        .sort();
    assert.ok(read(cli).length > 0, 'the reader has found something');
    assert.deepEqual(read(server), read(cli), 'syntax and schema: the server after the keystrokes and the CLI on the saved text');
  });
});
