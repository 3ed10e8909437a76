/**
 * Fix on save over the protocol: the server announces `source.fixAll.stratdoc`, answers
 * `codeAction` with `only: ["source.fixAll"]` with one action holding the safe fixes of the
 * document, the same text `stratdoc check --fix` writes, and nothing when there is nothing
 * to fix (issue #14 "Fix for me").
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CodeActionOptions } from 'vscode-languageserver-protocol';
import { TestClient, copyFixture } from './harness';
import { applyEdits } from '../helpers/edits';
import { run } from '../cli/harness';

const Q1 = 'plaene/q1.plan.yaml';
const Q2 = 'plaene/q2.md';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('server: source.fixAll.stratdoc (fix on save)', function () {
  this.timeout(30000);
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(copyFixture('lsp/basic'));
    await c.until(() => c.diagnostics.has(c.uri('strategie.md')), 'the workspace was checked');
  });
  afterEach(async () => c?.stop());

  const fixAll = (uri: string, only: string[]) =>
    c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: WHOLE, context: { diagnostics: [], only } });

  it('announces the kind, so editor.codeActionsOnSave can ask for it', () => {
    const kinds = (c.initializeResult!.capabilities.codeActionProvider as CodeActionOptions).codeActionKinds;
    assert.deepEqual(kinds, ['quickfix', 'source.fixAll.stratdoc']);
  });

  it('one action with the safe fixes; the same text as check --fix; the fixed findings are gone', async () => {
    const text = c
      .text(Q1)
      .replace(
        '    owner: anna\n    reviewer: dirk\n    status: planned\n  - date: 2027-01-19',
        '    owner: @anna\n    reviewer: dirk\n    status: planned\n  - date: 2027-01-19',
      )
      .replace('    title: Wie weit kommt ein E-Auto im Winter?\n    mode: service\n', '    title: Winter-Rabatt auf Wallboxen\n');
    const uri = await c.open(Q1, text);
    await c.until(() => c.codes(uri).includes('syntax') && c.codes(uri).includes('mode-inferred'), 'syntax and mode-inferred');
    const before = c.codes(uri);

    for (const only of [['source.fixAll'], ['source.fixAll.stratdoc'], ['source']]) {
      const actions = await fixAll(uri, only);
      assert.equal(actions.length, 1, `only ${only.join(', ')}`);
      assert.equal(actions[0].kind, 'source.fixAll.stratdoc');
      assert.equal(actions[0].title, 'Alle sicher behebbaren stratdoc-Probleme beheben');
    }
    const [action] = await fixAll(uri, ['source.fixAll']);
    const edits = action.edit!.changes![uri];
    assert.equal(edits.length, 1, 'one edit over the span that changed');
    const after = applyEdits(text, edits);
    assert.match(after, /owner: "@anna"/);
    assert.match(after, /title: Winter-Rabatt auf Wallboxen\n(.*\n)*?    mode: push\n/);

    // The CLI writes the same text for the same document.
    fs.writeFileSync(path.join(c.root, Q1), text);
    run(['check', '--fix', '--today', '2027-02-15', Q1], { cwd: c.root });
    assert.equal(fs.readFileSync(path.join(c.root, Q1), 'utf8'), after);

    await c.change(Q1, after);
    await c.until(() => !c.codes(uri).includes('syntax') && !c.codes(uri).includes('mode-inferred'), 'fixed');
    for (const code of c.codes(uri)) assert.ok(before.includes(code), `no new diagnostic (${code})`);
    assert.deepEqual(await fixAll(uri, ['source.fixAll']), [], 'nothing left to fix');
  });

  it('quick fixes are not fix-all and fix-all is not in the light bulb', async () => {
    const text = c.text(Q2).replace('| Frühlingscheck für E-Autos | Tipps |', '| Frühlingsrabatt für E-Autos | |');
    const uri = await c.open(Q2, text);
    await c.until(() => c.codes(uri).includes('mode-inferred'), 'mode-inferred');
    const diag = c.diagnostics.get(uri)!.find((d) => d.code === 'mode-inferred')!;
    const quick = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag], only: ['quickfix'] },
    });
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
    const bulb = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    assert.ok(!bulb.some((a) => a.kind === 'source.fixAll.stratdoc'));
    const [all] = await fixAll(uri, ['source.fixAll']);
    assert.match(applyEdits(text, all.edit!.changes![uri]), /\| Frühlingsrabatt für E-Autos \| push \|/);
    // A document with nothing safely fixable (the strategy): no action.
    assert.deepEqual(await fixAll(c.uri('strategie.md'), ['source.fixAll']), []);
  });
});
