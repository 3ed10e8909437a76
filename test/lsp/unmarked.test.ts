/**
 * Protocol tests of unmarked-document (docs/rules/unmarked-document.md): the real server over
 * stdio notices a file that looks like a plan but has no marker, offers the marker as a quick
 * fix, and once it is applied reads the file as a plan; ordinary files stay silent.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient, copyFixture } from './harness';
import { applyEdits } from '../helpers/edits';

const PLAN = `# Redaktionsplan Februar

| Datum | Plattform | Thema | Verantwortlich | Status | Ziel |
|---|---|---|---|---|---|
| Di, 02.02. | Instagram | Werkstatt-Einblick | Anna | geplant | G1 |
| Do, 04.02. | Facebook | Winterreifen-Tipps | Dirk | Entwurf | G1 |
| Di, 09.02. | Instagram | Azubi-Tag | Anna | Idee | G2 |
| Do, 11.02. | LinkedIn | Wir suchen Verstärkung | Dirk | Idee | G2 |
`;

const EXPORT = `# Later export
- scheduled_at: "2027-02-01 09:00"
  channel: instagram
  title: Februar-Gewinnspiel
  owner: anna
- scheduled_at: "2027-02-03 12:00"
  channel: instagram
  title: Werkstatt-Einblick
  owner: dirk
- scheduled_at: "2027-02-05 18:00"
  channel: facebook
  title: Frühjahrsausstellung
  owner: anna
- scheduled_at: "2027-02-08 09:00"
  channel: instagram
  title: Kundenstimme
  owner: dirk
`;

const NOTES = `# Teammeeting 14.01.2027

| Datum | Thema | Verantwortlich |
|---|---|---|
| 18.01.2027 | Budget Q2 abstimmen | Dirk |
| 20.01.2027 | Angebot Fotograf | Anna |
| 22.01.2027 | Messestand buchen | Mehmet |
| 25.01.2027 | Flyer freigeben | Dirk |
`;

describe('server: unmarked documents over the protocol', function () {
  this.timeout(30000);
  let c: TestClient;
  beforeEach(async () => {
    const root = copyFixture('lsp/basic');
    fs.mkdirSync(path.join(root, 'alt'), { recursive: true });
    fs.writeFileSync(path.join(root, 'alt', 'redaktionsplan-februar.md'), PLAN);
    fs.writeFileSync(path.join(root, 'alt', 'later-export.yaml'), EXPORT);
    fs.writeFileSync(path.join(root, 'alt', 'teammeeting.md'), NOTES);
    c = await TestClient.start(root);
    await c.until(() => c.diagnostics.has(c.uri('alt/redaktionsplan-februar.md')), 'the unmarked plan was noticed');
  });
  afterEach(async () => c?.stop());

  async function fixOf(rel: string): Promise<{ diag: Diagnostic; actions: CodeAction[] }> {
    const uri = await c.open(rel);
    await c.until(() => c.codes(uri).includes('unmarked-document'), `unmarked-document on ${rel}`);
    const diag = c.diagnostics.get(uri)!.find((d) => d.code === 'unmarked-document')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    return { diag, actions };
  }

  async function apply(rel: string, edit: WorkspaceEdit): Promise<string> {
    const edits = edit.changes![c.uri(rel)];
    const text = applyEdits(c.text(rel), edits);
    await c.change(rel, text);
    return text;
  }

  it('gives a file that looks like a plan exactly one notice, at its first line, and ordinary notes none', async () => {
    const uri = c.uri('alt/redaktionsplan-februar.md');
    const diags = c.diagnostics.get(uri)!;
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'unmarked-document');
    assert.equal(diags[0].severity, 3);
    assert.deepEqual(diags[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: '# Redaktionsplan Februar'.length } });
    assert.match(String(diags[0].message), /Redaktionsplan .*'Datum', 'Plattform', 'Thema'.*stratdoc: plan/);
    assert.ok(c.diagnostics.has(c.uri('alt/later-export.yaml')));
    assert.equal(c.diagnostics.has(c.uri('alt/teammeeting.md')), false, 'meeting notes stay silent');
    await c.open('alt/teammeeting.md');
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: c.uri('alt/teammeeting.md') } });
    assert.deepEqual(symbols, []);
    assert.equal(c.diagnostics.has(c.uri('alt/teammeeting.md')), false);
  });

  it('the quick fix adds front matter with the marker; then the file is read and checked as a plan', async () => {
    const rel = 'alt/redaktionsplan-februar.md';
    const { actions } = await fixOf(rel);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, titles.join(' | '));
    assert.match(fix.title, /stratdoc: plan/);
    assert.ok(
      titles.some((t) => /unmarked-document in dieser Datei abschalten/.test(t)),
      titles.join(' | '),
    );
    assert.ok(!titles.some((t) => /für diese Zeile/.test(t)), 'no line-level disable for a notice on the first line');
    const after = await apply(rel, fix.edit!);
    assert.ok(after.startsWith('---\nstratdoc: plan\n---\n# Redaktionsplan Februar\n'), after.slice(0, 60));
    const uri = c.uri(rel);
    await c.until(() => !c.codes(uri).includes('unmarked-document'), 'the notice is gone');
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0, 'the marked file is a document with symbols');
  });

  it('for a YAML export that is one list, the fix adds the marker and entries:', async () => {
    const rel = 'alt/later-export.yaml';
    const { actions } = await fixOf(rel);
    const fix = actions.find((a) => a.isPreferred)!;
    const after = await apply(rel, fix.edit!);
    assert.ok(after.startsWith('stratdoc: plan\nentries:\n# Later export\n- scheduled_at:'), after.slice(0, 60));
    const uri = c.uri(rel);
    await c.until(() => !c.codes(uri).includes('unmarked-document'), 'the notice is gone');
    assert.ok(!c.codes(uri).includes('syntax'), 'still valid YAML');
  });

  it('disabling it in the file silences the notice and leaves the file no document', async () => {
    const rel = 'alt/redaktionsplan-februar.md';
    const { actions } = await fixOf(rel);
    const off = actions.find((a) => /in dieser Datei abschalten/.test(a.title))!;
    const after = await apply(rel, off.edit!);
    assert.match(after, /^<!-- stratdoc-disable-file unmarked-document -->\n# Redaktionsplan/);
    const uri = c.uri(rel);
    await c.until(() => (c.diagnostics.get(uri) ?? []).length === 0, 'silenced');
  });
});
