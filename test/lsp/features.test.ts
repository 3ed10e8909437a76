/** Protocol tests of the editor features, with exact results on the fixture workspace. */
import * as assert from 'node:assert/strict';
import type { CodeAction, CodeLens, DocumentLink, DocumentSymbol, Hover, Location, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { TestClient, copyFixture } from './harness';
import { applyEdits } from '../helpers/edits';

const S = 'strategie.md';
const Q1 = 'plaene/q1.plan.yaml';
const Q2 = 'plaene/q2.md';

function at(line: number, character: number) {
  return { line, character };
}

describe('server: editor features over the protocol', function () {
  this.timeout(30000);
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(copyFixture('lsp/basic'));
    await c.until(() => c.diagnostics.has(c.uri(S)), 'the workspace was checked');
  });
  afterEach(async () => c?.stop());

  /** Applies a workspace edit to the open documents (opening them first), as an editor does. */
  async function apply(edit: WorkspaceEdit): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      const rel = decodeURIComponent(uri.slice((c.uri('') + '/').length));
      await c.open(rel);
      out[rel] = applyEdits(c.text(rel), edits);
      await c.change(rel, out[rel]);
    }
    return out;
  }

  it('goes to the definition of a goal from a YAML plan and from a Markdown table', async () => {
    const a = await c.request<Location[]>('textDocument/definition', { textDocument: { uri: c.uri(Q1) }, position: at(9, 11) });
    assert.deepEqual(a, [{ uri: c.uri(S), range: { start: at(19, 4), end: at(19, 6) } }]);
    const b = await c.request<Location[]>('textDocument/definition', { textDocument: { uri: c.uri(Q2) }, position: at(9, 68) });
    assert.equal(b.length, 1);
    assert.equal(b[0].uri, c.uri(S));
    assert.deepEqual(b[0].range.start, at(24, 4), 'G2');
    const link = await c.request<Location[]>('textDocument/definition', { textDocument: { uri: c.uri(Q1) }, position: at(1, 14) });
    assert.equal(link[0]?.uri, c.uri(S), 'strategy: path leads to the strategy');
  });

  it('finds every reference of a goal across files', async () => {
    const refs = await c.request<Location[]>('textDocument/references', {
      textDocument: { uri: c.uri(S) },
      position: at(19, 5),
      context: { includeDeclaration: true },
    });
    const got = refs.map((r) => `${r.uri.slice((c.uri('') + '/').length)}:${r.range.start.line}:${r.range.start.character}`).sort();
    assert.deepEqual(got, ['plaene/q1.plan.yaml:9:10', 'plaene/q2.md:8:64', 'strategie.md:19:4', 'strategie.md:31:95', 'strategie.md:49:9'].sort());
    const without = await c.request<Location[]>('textDocument/references', {
      textDocument: { uri: c.uri(S) },
      position: at(19, 5),
      context: { includeDeclaration: false },
    });
    assert.equal(without.length, 4);
  });

  it('renames a goal across strategy and plans, changing nothing else', async () => {
    const prep = await c.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri: c.uri(Q1) },
      position: at(9, 11),
    });
    assert.equal(prep.placeholder, 'G1');
    const edit = await c.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: c.uri(Q1) }, position: at(9, 11), newName: 'Z1' });
    assert.deepEqual(
      Object.keys(edit.changes!)
        .map((u) => u.slice((c.uri('') + '/').length))
        .sort(),
      [Q2, Q1, S].sort(),
    );
    const before: Record<string, string> = { [S]: c.text(S), [Q1]: c.text(Q1), [Q2]: c.text(Q2) };
    const after = await apply(edit);
    for (const rel of [S, Q1, Q2]) {
      assert.equal(after[rel].replace(/\bZ1\b/g, 'G1'), before[rel], `only G1 → Z1 changed in ${rel}`);
      assert.doesNotMatch(after[rel], /\bG1\b/);
    }
    await c.until(
      () =>
        !c.codes(c.uri(Q1)).includes('unknown-reference') ||
        c.diagnostics.get(c.uri(Q1))!.every((d) => d.code !== 'unknown-reference' || /G9/.test(String(d.message))),
      'no new unknown reference',
    );
    assert.ok(!c.codes(c.uri(S)).includes('unknown-reference'));
  });

  it('renames a person: handles keep their @, YAML owners stay plain', async () => {
    const edit = await c.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: c.uri(Q1) }, position: at(10, 12), newName: '@anne' });
    const after = await apply(edit);
    assert.match(after[S], /\| @anne \| Social Media Lead/);
    assert.match(after[S], /Ressourcen: @anne, 6 h\/Woche/);
    assert.match(after[Q1], /owner: anne\n/);
    assert.match(after[Q2], /\| @anne \|/);
    assert.doesNotMatch(after[S] + after[Q1] + after[Q2], /\banna\b/);
  });

  it('refuses a rename to an invalid ID and where there is nothing to rename', async () => {
    await assert.rejects(c.request('textDocument/rename', { textDocument: { uri: c.uri(Q1) }, position: at(9, 11), newName: '1 x' }), /ID/);
    const none = await c.request('textDocument/prepareRename', { textDocument: { uri: c.uri(Q1) }, position: at(7, 14) });
    assert.equal(none, null);
  });

  it('hovers over a goal with its type, KPIs and entries', async () => {
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: c.uri(Q1) }, position: at(9, 11) });
    const v = (h.contents as { value: string }).value;
    assert.match(v, /Ziel G1/);
    assert.match(v, /Mehr Probefahrten/);
    assert.match(v, /Abverkauf/);
    assert.match(v, /K1 \(Geschäftsergebnis\)/);
    assert.match(v, /Beiträge dafür.*: 2/);
    const undefinedRef = await c.request<Hover>('textDocument/hover', { textDocument: { uri: c.uri(Q1) }, position: at(18, 11) });
    assert.match((undefinedRef.contents as { value: string }).value, /G9.*nicht definiert/);
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: c.uri(Q1) }, position: at(500, 3) }), null);
  });

  it('outlines a strategy by steps and a plan by month', async () => {
    const s = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: c.uri(S) } });
    assert.deepEqual(
      s.slice(0, 8).map((x) => x.name),
      ['1. Team', '2. Zuhören', '3. Ziele', '4. Kennzahlen', '5. Zielgruppe', '6. Mehrwert', '7. Gesichter', '8. Kanalplan'],
    );
    assert.equal(s[2].detail, 'Schritt 3');
    assert.deepEqual(
      s[2].children!.map((x) => x.name),
      ['G1', 'G2'],
    );
    assert.deepEqual(
      s[0].children!.map((x) => x.name),
      ['@anna', '@dirk', '@sven'],
    );
    assert.deepEqual(
      s[7].children!.map((x) => x.name),
      ['instagram', 'linkedin'],
    );
    const p = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: c.uri(Q1) } });
    assert.deepEqual(
      p.map((x) => x.name),
      ['Januar 2027'],
    );
    assert.equal(p[0].children!.length, 2);
    const w = await c.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'probefahrt' });
    assert.ok(w.some((x) => x.name.startsWith('G1') && (x.location as Location).uri === c.uri(S)));
  });

  it('offers the fixes of RULES.md; applied, the diagnostic is gone and none appears', async () => {
    const q1 = await c.open(Q1);
    await c.until(() => c.codes(q1).includes('unknown-reference'), 'unknown-reference');
    const before = c.codes(q1);
    const diag = c.diagnostics.get(q1)!.find((d) => d.code === 'unknown-reference')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: q1 },
      range: diag.range,
      context: { diagnostics: [diag] },
    });
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => /G1/.test(a.title) && !/abschalten/.test(a.title));
    assert.ok(fix, `a did-you-mean fix among ${titles.join(' | ')}`);
    assert.ok(titles.some((x) => /unknown-reference für diese Zeile abschalten/.test(x)));
    const fileOff = actions.find((x) => /unknown-reference in dieser Datei abschalten/.test(x.title));
    assert.ok(fileOff);
    // The whole file is `-file` now: `stratdoc-disable` alone lasts only until an enable.
    assert.deepEqual(
      Object.values(fileOff.edit!.changes!)[0].map((e) => e.newText),
      ['# stratdoc-disable-file unknown-reference\n'],
    );
    await apply(fix.edit!);
    await c.until(() => !c.codes(q1).includes('unknown-reference'), 'fixed');
    const after = c.codes(q1);
    for (const code of after) assert.ok(before.includes(code), `no new diagnostic (${code})`);
  });

  it('disables a rule for one line, inside a Markdown table too, without breaking it', async () => {
    const q2 = await c.open(Q2);
    await c.change(Q2, c.text(Q2).replace('| Menschen | G2 |', '| Menschen | G7 |'));
    await c.until(() => c.codes(q2).includes('unknown-reference'), 'unknown-reference in the table');
    const diag = c.diagnostics.get(q2)!.find((d) => d.code === 'unknown-reference')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: q2 },
      range: diag.range,
      context: { diagnostics: [diag] },
    });
    const off = actions.find((a) => /für diese Zeile/.test(a.title))!;
    const before = c.diagnostics.get(q2)!.length;
    const after = await apply(off.edit!);
    assert.match(after[Q2], /\| @dirk \| geplant \| <!-- stratdoc-disable-line unknown-reference -->/);
    await c.until(() => !c.codes(q2).includes('unknown-reference'), 'suppressed');
    assert.equal(c.diagnostics.get(q2)!.length, before - 1, 'the table still reads the same');
  });

  it('shows code lenses on goals and channels, and links the strategy path', async () => {
    const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: c.uri(S) } });
    const g1 = lenses.find((l) => l.range.start.line === 19)!;
    assert.equal(g1.command!.title, '2 Beiträge · 1 Kennzahl · 0 % Push');
    const insta = lenses.find((l) => l.range.start.line === 45)!;
    assert.match(insta.command!.title, /^3 Beiträge · 0 % Push · zuletzt 2027-04-02$/);
    const links = await c.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: c.uri(Q1) } });
    assert.deepEqual(
      links.map((l) => l.target),
      [c.uri(S)],
    );
    const st = await c.request<{ kind: string; entries: number; pushShare: number }>('stratdoc/planStatus', { uri: c.uri(Q1) });
    assert.equal(st.kind, 'plan');
    assert.equal(st.entries, 2);
    assert.equal(st.pushShare, 0);
  });

  it('answers requests for unknown documents with empty results', async () => {
    const uri = c.uri('nope.md');
    assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await c.request('textDocument/definition', { textDocument: { uri }, position: at(0, 0) }), []);
    assert.deepEqual(await c.request('textDocument/codeLens', { textDocument: { uri } }), []);
    assert.equal(await c.request('stratdoc/planStatus', { uri }), null);
  });
});
