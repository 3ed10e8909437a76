/**
 * The real server holds an open document's text in blocks and reads a keystroke inside one
 * entry of a long YAML plan, or in a long Markdown plan, from them, without joining the
 * text (docs/decisions.md "What a keystroke costs"). Whatever is typed, what it then reports must be what a fresh server
 * reports for the same text read from disk: the diagnostics (every rule, pulled once the
 * check is done) and the preview's model.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentDiagnosticRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './harness';
import { LineIndex } from '../../server/src/core/text';
import { STRATEGY_YAML_TEXT } from '../robustness/docs';
import { rng } from '../helpers/rng';

const PLAN = 'plaene/2027.plan.yaml';
const STRATEGY = 'strategie.strategy.yaml';

/** A plan as a team keeps it: 700 entries (about 90 KB, several blocks), German and English, umlauts and an emoji here and there. */
function planText(): string {
  const lines = ['stratdoc: plan', 'title: Redaktionsplan 2027', 'strategy: strategie.strategy.yaml', 'period: 2027-01-01..2027-12-31', 'entries:'];
  for (let i = 0; i < 700; i++) {
    const d = `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(`  - date: ${d}`);
    lines.push(`    channel: ${i % 5 ? 'instagram' : 'linkedin'}`);
    lines.push(`    title: "${i % 2 ? 'Beitrag' : 'Post'} ${i}: ${i % 9 ? 'Ökostrom im Alltag' : 'Wärmepumpe 🌱 erklärt'}"`);
    if (i % 3) lines.push(`    owner: ${i % 11 ? 'anna' : 'bernd'}`);
    lines.push(`    status: ${i % 4 ? 'planned' : 'geplant'}`);
    if (i % 6 === 0) lines.push('    goal: G1');
  }
  return lines.join('\n') + '\n';
}

function workspace(plan: string, planPath = PLAN): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-blocks-'));
  fs.mkdirSync(path.join(root, 'plaene'));
  fs.writeFileSync(path.join(root, STRATEGY), STRATEGY_YAML_TEXT);
  fs.writeFileSync(path.join(root, planPath), plan);
  return root;
}

const MD_PLAN = 'plaene/2027.plan.md';

/**
 * A Markdown plan as a team keeps one: 600 rows (over 32K characters: three blocks) in two tables,
 * German and English, an escaped pipe, a code span and an HTML comment in cells, a ragged
 * row, a suppression comment.
 */
function mdPlanText(): string {
  const out = [
    '---\nstratdoc: plan\nstrategy: ../strategie.strategy.yaml\nperiod: 2027-01-01..2027-12-31\n---\n# Redaktionsplan 2027\n\nAus dem Planungsmeeting.\n\n',
    '| Datum | Kanal | Thema | Verantwortlich | Status | Ziel |\n|---|---|---|---|---|---|\n',
  ];
  for (let i = 0; i < 600; i++) {
    if (i === 250) out.push('\n<!-- stratdoc-disable-next-line schema -->\n| Date | Channel | Title | Owner | Status |\n|---|---|---|---|---|\n');
    const d = `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const title = i % 9 ? `Beitrag ${i}: Ökostrom im Alltag` : i % 2 ? `Post ${i}: \`heat\\|pump\` erklärt` : `Post ${i}: Wärme \\| Strom 🌱`;
    const row =
      i < 250
        ? `| ${d} | ${i % 5 ? 'instagram' : 'linkedin'} | ${title} | ${i % 3 ? '@anna' : ''} | ${i % 4 ? 'geplant' : 'entwurf <!-- offen -->'} | ${i % 6 ? '' : 'G1'} |`
        : `| ${d} | ${i % 2 ? 'LinkedIn' : 'instagram'} | ${title} | ${i % 3 ? 'anna' : ''} | ${i % 4 ? 'planned' : 'draft'} |`;
    out.push(i % 37 === 5 ? row.replace(/ \| [^|]*\|$/, '\n') : row + '\n');
  }
  out.push('\n## Notizen\n\nEnde.\n');
  return out.join('');
}

type Shown = { line: number; character: number; endLine: number; endCharacter: number; code: unknown; message: string };

function shown(items: Diagnostic[]): Shown[] {
  return items
    .map((d) => ({
      line: d.range.start.line,
      character: d.range.start.character,
      endLine: d.range.end.line,
      endCharacter: d.range.end.character,
      code: d.code,
      message: String(d.message),
    }))
    .sort((a, b) => a.line - b.line || a.character - b.character || String(a.code).localeCompare(String(b.code)) || a.message.localeCompare(b.message));
}

/** What a server reports for the open plan once its check is done: the pulled diagnostics and the preview's model. */
async function report(c: TestClient, plan = PLAN): Promise<{ diagnostics: Shown[]; model: unknown }> {
  const uri = c.uri(plan);
  const r = await c.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  assert.equal(r.kind, 'full');
  const p = await c.request<{ model: unknown }>('stratdoc/preview', { uri });
  // The two servers read two folders: their addresses are left out.
  const root = c.uri('.').replace(/\/\.?$/, '');
  const model = JSON.parse(JSON.stringify(p.model).split(root).join('<root>')) as unknown;
  return { diagnostics: shown((r as { items: Diagnostic[] }).items), model };
}

/** A random place in `text` from line `skip` on, not inside a surrogate pair (an editor never puts the cursor there). */
function randomPlace(text: string, r: () => number, skip: number): { lines: LineIndex; line: number; lineText: string; col: number } {
  const lines = new LineIndex(text);
  const line = skip + Math.floor(r() * (lines.lineCount - skip - 1));
  const lineText = lines.lineText(line);
  let col = Math.floor(r() * (lineText.length + 1));
  if (col > 0 && /[\uDC00-\uDFFF]/.test(lineText[col] ?? '')) col--;
  return { lines, line, lineText, col };
}

describe('server: keystrokes in a long YAML or Markdown plan held in blocks report what a fresh reading reports', function () {
  this.timeout(180000);
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.stop();
  });

  it('after letters typed, fields added, deletions, a CRLF and a paste of entries, at checkpoints', async () => {
    let text = planText();
    const root = workspace(text);
    const c = await TestClient.start(root, { locale: 'en', today: '2027-03-15', pull: true });
    clients.push(c);
    await c.open(PLAN, text);
    const r = rng(1501);
    // Letters as typed into values (a quote left open would have every later reading read the whole text).
    const letters = 'aeiouäöüßxyz🌱 ';
    const checkpoints = new Set([40, 100, 160]);
    for (let i = 1; i <= 160; i++) {
      const { lines, line, lineText, col } = randomPlace(text, r, 5);
      const at = { line, character: col };
      const roll = r();
      let end = at;
      let insert: string;
      if (roll < 0.8) insert = [...letters][Math.floor(r() * [...letters].length)];
      else if (roll < 0.86) {
        // A field added below the line.
        insert = '\n    note: neu';
        at.character = end.character = lineText.length;
      } else if (roll < 0.92) {
        // A deletion within the line.
        insert = '';
        end = { line, character: Math.min(lineText.length, col + 3) };
      } else if (roll < 0.96) {
        // The line's break made a CRLF (a lone CR has every later reading normalize the whole text: keystroke-read.test.ts).
        insert = '\r';
        at.character = end.character = lineText.length;
        if (text.charCodeAt(lines.offsetAt(at)) !== 10) insert = 'x';
      } else {
        // A paste of five entries before an entry.
        insert = planText().split('entries:\n')[1].split('\n').slice(0, 28).join('\n') + '\n';
        insert = insert.slice(0, insert.lastIndexOf('  - '));
        at.line = end.line = line;
        at.character = end.character = 0;
        if (!lineText.startsWith('  - ')) insert = 'y';
      }
      const a = lines.offsetAt(at);
      const b = Math.max(a, lines.offsetAt(end));
      text = text.slice(0, a) + insert + text.slice(b);
      await c.edit(PLAN, { start: at, end }, insert);
      if (!checkpoints.has(i)) continue;
      const typed = await report(c);
      // A fresh server, the same text read from disk.
      const fresh = await TestClient.start(workspace(text), { locale: 'en', today: '2027-03-15', pull: true });
      clients.push(fresh);
      await fresh.open(PLAN, text);
      const read = await report(fresh);
      assert.ok(typed.diagnostics.length > 0, `checkpoint ${i}: there are findings to compare`);
      assert.deepEqual(typed.diagnostics, read.diagnostics, `checkpoint ${i}: the diagnostics`);
      assert.deepEqual(typed.model, read.model, `checkpoint ${i}: the preview's model`);
      await fresh.stop();
      clients.pop();
    }
  });

  it('a long Markdown plan: letters, Enter, a pipe, a backtick and a CR typed at seeded places, at checkpoints', async () => {
    let text = mdPlanText();
    assert.ok(text.length > 2 * 16 * 1024, 'several blocks');
    const c = await TestClient.start(workspace(text, MD_PLAN), { locale: 'de', today: '2027-03-15', pull: true });
    clients.push(c);
    await c.open(MD_PLAN, text);
    const r = rng(1505);
    const checkpoints = new Set([30, 70, 110]);
    for (let i = 1; i <= 110; i++) {
      const { lines, line, lineText, col } = randomPlace(text, r, 6);
      const at = { line, character: col };
      const roll = r();
      let insert = roll < 0.65 ? 'aeöüx '[Math.floor(r() * 6)] : roll < 0.77 ? '\n' : roll < 0.87 ? '|' : roll < 0.95 ? '`' : '\r';
      if (insert === '\r') {
        // The line's break made a CRLF (a lone CR has every later reading normalize the whole text).
        at.character = lineText.length;
        if (text.charCodeAt(lines.offsetAt(at)) !== 10) insert = 'x';
      }
      const a = lines.offsetAt(at);
      text = text.slice(0, a) + insert + text.slice(a);
      await c.edit(MD_PLAN, { start: at, end: at }, insert);
      if (!checkpoints.has(i)) continue;
      const typed = await report(c, MD_PLAN);
      const fresh = await TestClient.start(workspace(text, MD_PLAN), { locale: 'de', today: '2027-03-15', pull: true });
      clients.push(fresh);
      await fresh.open(MD_PLAN, text);
      const read = await report(fresh, MD_PLAN);
      assert.ok(typed.diagnostics.length > 0, `checkpoint ${i}: there are findings to compare`);
      assert.deepEqual(typed.diagnostics, read.diagnostics, `checkpoint ${i}: the diagnostics`);
      assert.deepEqual(typed.model, read.model, `checkpoint ${i}: the preview's model`);
      await fresh.stop();
      clients.pop();
    }
  });
});
