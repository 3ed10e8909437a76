/**
 * "stratdoc: New Strategy" and "stratdoc: New Editorial Plan" in VS Code: with their
 * questions answered by the options argument ({ lang, format, name, strategy }) and, once
 * each, by the QuickPick and the InputBox themselves (accepted with their defaults). The
 * files are created in the fixture workspace, filled from the snippets' templates as a
 * snippet (the first placeholder selected) and saved; the server reads them as a strategy
 * and a plan of that strategy (status bar, diagnostics); an existing file is never
 * overwritten. The preview opens on the new plan with no text editor active, as it does
 * from the walkthrough. Everything created is deleted afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StratdocApi } from '../../client/src/extension';
import { defaultLang, defaultName, freeName, quarterOf } from '../../client/src/templates';
import { api as activate, diagnostics, sleep, until, workspaceUri } from './util';

const decoder = new TextDecoder();
const read = async (uri: vscode.Uri) => decoder.decode(await vscode.workspace.fs.readFile(uri));
const exists = (uri: vscode.Uri) =>
  vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );

/** Runs a command that asks, accepting every QuickPick and InputBox it shows with its default (the first item, the proposed name). */
async function runAccepting<T>(command: string, ...args: unknown[]): Promise<T> {
  let done = false;
  const result = vscode.commands.executeCommand<T>(command, ...args).then(
    (r) => ((done = true), r),
    (e: unknown) => {
      done = true;
      throw e;
    },
  );
  const end = Date.now() + 30000;
  while (!done && Date.now() < end) {
    await sleep(250);
    if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}

/** Closes every tab without unsaved changes (other suites leave untitled files open; closing those would ask). */
async function closeSavedTabs(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => !t.isDirty);
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

describe('new strategy and new editorial plan', function () {
  this.timeout(120000);
  let api: StratdocApi;
  const created: vscode.Uri[] = [];
  const year = new Date().getFullYear();

  before(async () => {
    api = await activate();
    await api.ready();
  });

  after(async () => {
    await closeSavedTabs();
    for (const uri of created) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  /** The status bar text once the server has answered for the active editor with `icon`. */
  function statusWith(icon: string): Promise<string> {
    return until(`the status bar to show ${icon}`, () => {
      const t = api.statusText();
      return t?.includes(icon) ? t : undefined;
    });
  }

  it('are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['stratdoc.newStrategy', 'stratdoc.newPlan']) assert.ok(commands.includes(c), c);
  });

  it('New Strategy creates the file from the template, as a snippet, and the server reads a strategy', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('stratdoc.newStrategy', {
      lang: 'en',
      format: 'markdown',
      name: 'neu/strategy.md',
    });
    created.push(workspaceUri('neu'));
    assert.ok(uri, 'the command returns the new file');
    assert.equal(uri.toString(), workspaceUri('neu/strategy.md').toString());
    const text = await read(uri);
    assert.match(text, /^---\nstratdoc: strategy\ntitle: Social media strategy \d{4}\nlanguage: en\n/);
    for (const h of ['## 1. Team', '## 2. Listening', '## 3. Goals', '## 4. KPIs', '## 5. Audiences', '## 6. Value', '## 7. Human face', '## 8. Channel plan'])
      assert.ok(text.includes(`\n${h}\n`), h);
    assert.doesNotMatch(text, /\$\{|\$\d/, 'no snippet syntax left');
    // An editor on it, saved, with the first tab stop (the title and its mirror) selected.
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(editor.document.isDirty, false);
    assert.equal(editor.document.getText(editor.selection), `Social media strategy ${year}`);
    assert.equal(editor.selections.length, 2, 'the title and the heading that mirrors it');
    await statusWith('$(compass)');
    assert.deepEqual(
      diagnostics(uri).filter((d) => ['missing-step', 'empty-step', 'syntax', 'schema'].includes(String((d.code as { value?: unknown })?.value ?? d.code))),
      [],
    );
  });

  it('New Editorial Plan creates a plan whose strategy: is the new strategy', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('stratdoc.newPlan', {
      lang: 'en',
      format: 'yaml',
      name: 'neu/plans/first.plan.yaml',
      strategy: 'neu/strategy.md',
    });
    assert.ok(uri);
    const text = await read(uri);
    const q = quarterOf(new Date());
    assert.match(text, /^stratdoc: plan\n/);
    assert.match(text, /^strategy: \.\.\/strategy\.md$/m);
    assert.match(text, new RegExp(`^period: ${q.start}\\.\\.${q.end}$`, 'm'));
    assert.match(text, new RegExp(`^title: "Editorial plan Q${q.quarter} ${q.year}"$`, 'm'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.equal(vscode.window.activeTextEditor?.document.isDirty, false);
    await statusWith('$(megaphone)');
    // The plan's goal G1 and its people are the new strategy's (the fixture's German one has no @maya).
    const bad = () =>
      diagnostics(uri).filter((d) =>
        ['missing-strategy', 'unknown-reference', 'unknown-person', 'undeclared-channel', 'date-outside-period', 'syntax', 'schema'].includes(
          String((d.code as { value?: unknown })?.value ?? d.code),
        ),
      );
    await sleep(500);
    assert.deepEqual(
      bad().map((d) => d.message),
      [],
    );
    // And the strategy knows its plan: G1 is served, Instagram is used.
    const strategy = workspaceUri('neu/strategy.md');
    await until('the strategy sees its plan', () =>
      diagnostics(strategy, 'unlinked-goal').length === 0 && diagnostics(strategy, 'unplanned-channel').length === 0 ? true : undefined,
    );
  });

  it('asks language, format and name: the defaults accepted make a free name', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const lang = defaultLang(vscode.workspace.getConfiguration('stratdoc').get('language'), vscode.env.language);
    const expected = await freeName(defaultName('strategy', lang, 'markdown', new Date()), (n) => exists(vscode.Uri.joinPath(folder, n)));
    const uri = await runAccepting<vscode.Uri | undefined>('stratdoc.newStrategy');
    assert.ok(uri, 'created');
    created.push(uri);
    assert.equal(uri.toString(), vscode.Uri.joinPath(folder, expected).toString());
    assert.match(await read(uri), new RegExp(`^---\\nstratdoc: strategy\\n[^]*\\nlanguage: ${lang}\\n`));
    await statusWith('$(compass)');
  });

  it('proposes plaene/<year>-q<n>.plan.yaml below the strategy, numbered when taken', async () => {
    const q = quarterOf(new Date());
    const first = await runAccepting<vscode.Uri | undefined>('stratdoc.newPlan', { lang: 'de', format: 'yaml', strategy: 'neu/strategy.md' });
    assert.equal(first?.toString(), workspaceUri(`neu/plaene/${q.year}-q${q.quarter}.plan.yaml`).toString());
    const text = await read(first);
    assert.match(text, /^strategie: \.\.\/strategy\.md$/m);
    assert.match(text, /^einträge:$/m);
    const second = await runAccepting<vscode.Uri | undefined>('stratdoc.newPlan', { lang: 'de', format: 'yaml', strategy: 'neu/strategy.md' });
    assert.equal(second?.toString(), workspaceUri(`neu/plaene/${q.year}-q${q.quarter}-2.plan.yaml`).toString());
    assert.equal(await read(first), text, 'the first one is left as it was');
  });

  it('never overwrites an existing file', async () => {
    for (const [command, options, rel] of [
      ['stratdoc.newStrategy', { lang: 'de', format: 'markdown', name: 'strategie.md' }, 'strategie.md'],
      ['stratdoc.newPlan', { lang: 'en', format: 'yaml', name: 'plaene/q1.plan.yaml', strategy: null }, 'plaene/q1.plan.yaml'],
      ['stratdoc.newStrategy', { lang: 'en', format: 'markdown', name: 'neu/strategy.md' }, 'neu/strategy.md'],
    ] as const) {
      const uri = workspaceUri(rel);
      const before = await read(uri);
      const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, options);
      assert.equal(result, undefined, `${command} ${rel}`);
      assert.equal(await read(uri), before, `${rel} is unchanged`);
    }
  });

  it('a plan without a strategy has no strategy: line', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('stratdoc.newPlan', {
      lang: 'de',
      format: 'markdown',
      name: 'neu/ohne/q.plan.md',
      strategy: null,
    });
    assert.ok(uri);
    const text = await read(uri);
    assert.match(text, /^---\nstratdoc: plan\nperiod: /);
    assert.doesNotMatch(text, /^(strategy|strategie):/m);
    // It finds neu/strategy.md above its folder.
    await statusWith('$(megaphone)');
    await sleep(500);
    assert.deepEqual(diagnostics(uri, 'missing-strategy'), []);
  });

  it('the preview opens on the last strategy or plan when no text editor is active (the walkthrough)', async () => {
    const plan = workspaceUri('neu/plans/first.plan.yaml');
    await vscode.window.showTextDocument(plan);
    await statusWith('$(megaphone)');
    await closeSavedTabs();
    // The walkthrough is the active editor: no text editor is.
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'stratdoc.stratdoc#gettingStarted', false);
    await until('no active text editor', () => (vscode.window.activeTextEditor ? undefined : true));
    await vscode.commands.executeCommand('stratdoc.openPreviewToSide');
    const shown = await until('the preview of the new plan', () => api.preview.shown());
    assert.equal(shown.uri, plan.toString());
    assert.equal(shown.model.title, `Social media strategy ${year}`);
  });
});
