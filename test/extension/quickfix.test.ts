/** A quick fix through VS Code: quote an unquoted @handle in YAML (the `syntax` rule). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnostics, open, revert, until } from './util';

describe('quick fix', () => {
  before(async () => {
    await (await api()).ready();
  });

  it('quotes "@dirk", and the syntax error is gone', async () => {
    const editor = await open('plaene/q2.plan.yaml');
    const doc = editor.document;
    try {
      const [d] = await until('syntax diagnostic on @dirk', () => {
        const found = diagnostics(doc.uri, 'syntax');
        return found.length ? found : undefined;
      });
      assert.equal(doc.getText(d.range), '@dirk');
      assert.match(d.message, /Anführungszeichen|quote/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        d.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => a.edit && a.title.includes('"@dirk"'));
      assert.ok(fix, `a quoting fix among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(fix.isPreferred, true);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.match(doc.lineAt(d.range.start.line).text, /reviewer: "@dirk"/);
      await until('syntax diagnostic gone', () => (diagnostics(doc.uri, 'syntax').length === 0 ? true : undefined));
    } finally {
      await revert(editor);
    }
  });
});
