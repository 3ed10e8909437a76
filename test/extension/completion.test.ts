/** Completion through VS Code: after `goal: ` in a plan, the goal IDs of its strategy. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, open, revert } from './util';

describe('completion', () => {
  before(async () => {
    await (await api()).ready();
  });

  it('offers the goals G1 and G2 after `goal: `', async () => {
    const editor = await open('plaene/q1.plan.yaml');
    const doc = editor.document;
    const start = doc.getText().indexOf('goal: G9') + 'goal: '.length;
    await editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(start), doc.positionAt(start + 2))));
    try {
      const pos = doc.positionAt(start);
      assert.equal(doc.lineAt(pos.line).text.trim(), 'goal:');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(labels.includes('G1'), `G1 in ${labels.join(', ')}`);
      assert.ok(labels.includes('G2'), `G2 in ${labels.join(', ')}`);
    } finally {
      await revert(editor);
    }
  });
});

describe('snippets', () => {
  for (const [language, prefix, expected] of [
    ['markdown', 'stratdoc-stra', ['stratdoc-strategie', 'stratdoc-strategy']],
    ['yaml', 'stratdoc-', ['stratdoc-entry', 'stratdoc-eintrag', 'stratdoc-plan', 'stratdoc-strategie']],
  ] as const) {
    it(`are offered in ${language}: ${expected.join(', ')}`, async () => {
      const doc = await vscode.workspace.openTextDocument({ language, content: prefix });
      await vscode.window.showTextDocument(doc);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        new vscode.Position(0, prefix.length),
      );
      const snippets = list.items
        .filter((i) => i.kind === vscode.CompletionItemKind.Snippet)
        .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const e of expected) assert.ok(snippets.includes(e), `${e} in ${snippets.join(', ')}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }
});
