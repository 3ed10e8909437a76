/** The extension activates in a workspace with stratdoc documents and starts its server. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, open, until } from './util';

describe('activation', () => {
  it('is active in a workspace with a strategy, plans and .stratdoc.yaml', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID}`);
    // workspaceContains:**/*.plan.{md,yaml,yml} activates it without any editor open.
    await until('activation', () => ext.isActive || undefined, 30000);
    const stratdoc = await api();
    await stratdoc.ready();
    assert.equal(stratdoc.isRunning(), true);
    assert.deepEqual(stratdoc.state(), { server: true, outputChannel: true, statusBar: true });
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['stratdoc.restartServer', 'stratdoc.showOutput']) assert.ok(commands.includes(c), c);
  });

  it('shows the push share and the problems of the active plan in the status bar', async () => {
    const stratdoc = await api();
    await open('plaene/q1.plan.yaml');
    const text = await until('status bar text', () => stratdoc.statusText());
    assert.match(text, /\$\(megaphone\) Push/);
    assert.match(text, /\$\(error\) 1/);
    await open('strategie.md');
    await until('strategy status', () => (stratdoc.statusText()?.includes('$(compass)') ? true : undefined));
  });
});
