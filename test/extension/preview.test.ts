/**
 * The preview in VS Code: "stratdoc: Open Preview to the Side" on the German strategy of
 * the fixture, the content from the server and what the webview itself rendered (its
 * script reports the steps, the title, the theme class and whether the nonce'd style
 * sheet applies), updates in place as the strategy is edited, clicks that reveal a step,
 * the quick fix for a missing step, and following the active editor.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StratdocApi } from '../../client/src/extension';
import type { RenderFacts } from '../../shared/webview';
import { api as activate, diagnostics, open, revert, until, workspaceUri } from './util';

const TITLE = 'Social-Media-Strategie Bäckerei Korn';
/** The webview loads in a browser (code-server) or Electron; give it time on a slow machine. */
const RENDER_MS = 45000;

/** Closes every tab without unsaved changes (other suites leave untitled files open; closing those would ask). */
async function closeSavedTabs(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => !t.isDirty);
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

describe('preview', function () {
  this.timeout(120000);
  let api: StratdocApi;
  let strategy: vscode.TextEditor;

  before(async () => {
    api = await activate();
    await api.ready();
  });

  after(async () => {
    if (strategy) await revert(strategy);
    await closeSavedTabs();
  });

  /** The webview's report for content `seq` (or later). */
  function renderedAtLeast(seq: number): Promise<RenderFacts> {
    return until(
      `the webview to render content ${seq}`,
      () => {
        const r = api.preview.rendered();
        return r && r.seq >= seq ? r : undefined;
      },
      RENDER_MS,
    );
  }

  it('opens beside the strategy and shows its eight steps in the webview', async () => {
    strategy = await open('strategie.md');
    // The server has seen the strategy (the status bar asks it about the active document).
    await until('the status bar', () => api.statusText());
    await vscode.commands.executeCommand('stratdoc.openPreviewToSide');
    assert.ok(api.preview.isOpen());
    const shown = await until('the preview content', () => api.preview.shown());
    assert.equal(shown.uri, strategy.document.uri.toString());
    assert.equal(shown.model.title, TITLE);
    assert.equal(shown.model.lang, 'de');
    assert.deepEqual(
      shown.model.steps.map((s) => s.label),
      ['Team', 'Zuhören', 'Ziele', 'Kennzahlen', 'Zielgruppen', 'Mehrwert', 'Gesichter', 'Kanalplan'],
    );
    assert.ok(
      shown.model.steps.every((s) => s.state === 'complete'),
      shown.model.steps.map((s) => `${s.key}:${s.state}`).join(' '),
    );
    assert.match(shown.html, /<ol class="sd-stepper">/);

    // What the webview's own DOM holds: the script ran under the CSP, the style sheet applies.
    const r = await renderedAtLeast(shown.seq);
    assert.equal(r.steps, 8);
    assert.deepEqual(r.states, Array(8).fill('complete'));
    assert.equal(r.title, TITLE);
    assert.equal(r.uri, shown.uri);
    assert.ok(r.styled, "the nonce'd style sheet applies");
    assert.match(r.theme, /^vscode-(light|dark|high-contrast)/, "VS Code's theme class");
    // The editor keeps the focus; the preview is in another column.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), strategy.document.uri.toString());
  });

  it('updates in place as the strategy is edited: a removed step is missing', async () => {
    const doc = strategy.document;
    const loadsBefore = (await renderedAtLeast(api.preview.shown()!.seq)).loads;
    const start = doc.getText().indexOf('## 6. Mehrwert');
    const end = doc.getText().indexOf('## 7. Gesichter');
    assert.ok(start > 0 && end > start);
    await vscode.window.showTextDocument(doc, strategy.viewColumn);
    assert.ok(await strategy.edit((e) => e.delete(new vscode.Range(doc.positionAt(start), doc.positionAt(end)))));
    const shown = await until('step 6 missing in the preview', () => {
      const s = api.preview.shown();
      return s?.model.steps[5].state === 'missing' ? s : undefined;
    });
    assert.equal(shown.model.steps[5].stateLabel, 'fehlt');
    assert.equal(shown.model.steps[5].insert?.position.line, doc.positionAt(start).line, 'where it was');
    const r = await renderedAtLeast(shown.seq);
    assert.equal(r.states[5], 'missing');
    assert.equal(r.steps, 8);
    assert.equal(r.loads, loadsBefore, 'no page reload: the content was swapped in');
    assert.ok(r.updates >= 1);
    // The diagnostics say the same.
    await until('missing-step', () => (diagnostics(doc.uri, 'missing-step').length ? true : undefined));
  });

  it('reveals a step in the editor when it is clicked, and only documents of the preview', async () => {
    const goals = api.preview.shown()!.model.steps[2];
    assert.ok(goals.loc);
    await api.preview.receive({ type: 'reveal', uri: goals.loc.uri, line: goals.loc.range.start.line, character: goals.loc.range.start.character });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), strategy.document.uri.toString());
    assert.equal(editor.selection.active.line, goals.loc.range.start.line);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^## 3\. Ziele/);
    assert.notEqual(editor.viewColumn, undefined);

    // A place outside the project (a crafted message) opens nothing.
    const before = vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).sort();
    await api.preview.receive({ type: 'reveal', uri: 'file:///etc/passwd', line: 0, character: 0 });
    await api.preview.receive({ type: 'link', href: 'command:workbench.action.closeAllEditors' });
    assert.deepEqual(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).sort(), before);
    assert.ok(api.preview.isOpen());
  });

  it('inserts the missing step with its quick fix', async () => {
    const doc = strategy.document;
    assert.ok(await api.preview.insertSection('value'));
    assert.match(doc.getText(), /^## 6\. Mehrwert$/m);
    await until('step 6 back in the preview', () => (api.preview.shown()?.model.steps[5].state !== 'missing' ? true : undefined));
    const r = await renderedAtLeast(api.preview.shown()!.seq);
    assert.notEqual(r.states[5], 'missing');
    await revert(strategy);
    await until('the preview after the revert', () => (api.preview.shown()?.model.steps.every((s) => s.state === 'complete') ? true : undefined));
  });

  it('follows the active editor to a plan of the strategy, and stays on other files', async () => {
    const plan = await open('plaene/q1.plan.yaml');
    const shown = await until('the preview of the plan', () => {
      const s = api.preview.shown();
      return s?.uri === plan.document.uri.toString() ? s : undefined;
    });
    assert.equal(shown.model.title, TITLE, "the plan's project: its strategy");
    assert.equal(shown.model.focusUri, shown.uri);
    assert.ok(shown.model.plans.some((p) => p.path === 'plaene/q1.plan.yaml'));

    const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notizen\n' });
    await vscode.window.showTextDocument(notes);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(api.preview.shown()?.uri, plan.document.uri.toString(), 'an ordinary file leaves the preview as it is');
    assert.equal(workspaceUri('plaene/q1.plan.yaml').toString(), plan.document.uri.toString());
    // Close the untitled file without a save dialog.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("opens in the editor's group, keeps up while hidden behind it, and shows the latest when it comes back", async () => {
    await closeSavedTabs();
    assert.ok(!api.preview.isOpen(), 'closing the panel ends the preview');
    strategy = await open('strategie.md');
    const column = strategy.viewColumn;
    await vscode.commands.executeCommand('stratdoc.openPreview');
    const first = await renderedAtLeast((await until('the preview content', () => api.preview.shown())).seq);
    assert.equal(first.steps, 8);
    assert.equal(first.loads, 1, 'a new panel');
    assert.equal(vscode.window.activeTextEditor, undefined, "the preview took the editor's place");

    // Back to the editor: the preview is hidden (its webview is discarded) and still follows the edits.
    const editor = await vscode.window.showTextDocument(strategy.document, column);
    const doc = editor.document;
    const start = doc.getText().indexOf('## 6. Mehrwert');
    const end = doc.getText().indexOf('## 7. Gesichter');
    assert.ok(await editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(start), doc.positionAt(end)))));
    const shown = await until('step 6 missing while hidden', () => {
      const s = api.preview.shown();
      return s?.model.steps[5].state === 'missing' ? s : undefined;
    });

    // Shown again: the page loads once more, with the latest content.
    await vscode.commands.executeCommand('stratdoc.openPreview');
    const r = await renderedAtLeast(shown.seq);
    assert.equal(r.states[5], 'missing');
    assert.ok(r.loads > first.loads, 'the page was loaded again (the panel was hidden)');
    await revert(editor);
    await closeSavedTabs();
  });
});
