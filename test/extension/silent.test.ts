/**
 * In a workspace without stratdoc documents the extension stays silent: opening Markdown
 * and YAML activates it (onLanguage), but it starts no server, creates no output channel
 * and no status bar item, and shows no message; only a file that looks like a plan or a
 * strategy gets one offer per workspace to add the marker (docs/rules/unmarked-document.md).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, open, sleep, until } from './util';

describe('silence in a workspace without stratdoc documents', () => {
  const shown: string[] = [];
  const restore: (() => void)[] = [];

  before(() => {
    // The tests share the extension's `vscode` API object: record every message it shows.
    const w = vscode.window as unknown as Record<string, unknown>;
    for (const name of ['showInformationMessage', 'showWarningMessage', 'showErrorMessage']) {
      const original = w[name] as (...a: unknown[]) => unknown;
      try {
        w[name] = (...a: unknown[]) => {
          shown.push(`${name}: ${String(a[0])}`);
          return original.apply(vscode.window, a);
        };
        restore.push(() => (w[name] = original));
      } catch {
        // A read-only API object: the state() checks below still hold.
      }
    }
  });
  after(() => restore.forEach((r) => r()));

  it('activates on Markdown and YAML, and does nothing visible', async () => {
    await open('README.md');
    await open('config.yaml');
    await open('notizen/einkauf.md');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await until('activation on onLanguage', () => ext.isActive || undefined);
    const stratdoc = await api();
    await sleep(2000);
    assert.deepEqual(stratdoc.state(), { server: false, outputChannel: false, statusBar: false });
    assert.equal(stratdoc.statusText(), undefined);
    assert.deepEqual(shown, []);
    assert.deepEqual(
      vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((d) => d.source === 'stratdoc')),
      [],
    );
  });

  it('offers once per workspace to check a file that looks like a plan; unanswered, nothing changes', async () => {
    const stratdoc = await api();
    const plan = await open('marketing/redaktionsplan-q1.md');
    const before = plan.document.getText();
    await until('the offer', () => (stratdoc.offers().length ? true : undefined), 10000);
    const offers = stratdoc.offers();
    assert.equal(offers.length, 1);
    assert.match(offers[0], /redaktionsplan-q1\.md/);
    assert.match(offers[0], /stratdoc: plan/);
    await open('marketing/strategie-entwurf.md');
    await sleep(1500);
    assert.equal(stratdoc.offers().length, 1, 'not offered again in this workspace');
    assert.equal(plan.document.getText(), before, 'not accepted: the file is unchanged');
    assert.deepEqual(stratdoc.state(), { server: false, outputChannel: false, statusBar: false });
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('starts once a stratdoc document appears (a new plan typed into an untitled file)', async () => {
    const stratdoc = await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'stratdoc: plan\nentries:\n  - date: 2027-01-12\n    title: Erster Beitrag\n'));
    await until('the server starts', () => stratdoc.isRunning() || undefined, 10000);
    await stratdoc.ready();
    // Nothing shown but the marker offer of the test before.
    assert.deepEqual(
      shown.filter((m) => !/stratdoc: (plan|strategy)/.test(m)),
      [],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
