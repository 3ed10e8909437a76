/** Diagnostics reach VS Code: a plan with an unknown goal, in the language of .stratdoc.yaml. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnostics, open, revert, until, workspaceUri } from './util';

describe('diagnostics', () => {
  before(async () => {
    await (await api()).ready();
  });

  it('reports the unknown goal G9 of a plan that is not even open, in German', async () => {
    const plan = workspaceUri('plaene/q1.plan.yaml');
    const [d] = await until('unknown-reference in q1.plan.yaml', () => {
      const found = diagnostics(plan, 'unknown-reference');
      return found.length ? found : undefined;
    });
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, 18);
    assert.match(d.message, /G9/);
    assert.match(d.message, /kein definiertes Ziel|Ziel/, 'German (language: de in .stratdoc.yaml)');
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'unknown-reference');
    assert.match(code.target.toString(), /unknown-reference\.md$/);
  });

  it('updates as the plan is edited, and clears what was fixed', async () => {
    const editor = await open('plaene/q1.plan.yaml');
    const doc = editor.document;
    const at = doc.getText().indexOf('goal: G9') + 'goal: '.length;
    const ok = await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 2)), 'G2'));
    assert.ok(ok);
    await until('unknown-reference gone', () => (diagnostics(doc.uri, 'unknown-reference').length === 0 ? true : undefined));
    await revert(editor);
    await until('unknown-reference back', () => (diagnostics(doc.uri, 'unknown-reference').length ? true : undefined));
  });

  it('leaves ordinary files alone', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n\n| Ziel |\n|---|\n| G9 |\n' });
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(diagnostics(doc.uri), []);
  });
});
