/** Helpers of the extension-host suites (bundled into each suite by esbuild). */
import * as vscode from 'vscode';
import type { StratdocApi } from '../../client/src/extension';

export const EXTENSION_ID = 'stratdoc.stratdoc';

export function workspaceUri(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

export async function api(): Promise<StratdocApi> {
  const ext = vscode.extensions.getExtension<StratdocApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return ext.activate();
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(rel));
  return vscode.window.showTextDocument(doc);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until `fn` returns a truthy value; fails after `ms` with `what`. */
export async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A diagnostic's code as a string (VS Code wraps it in { value, target } when it has a link). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function diagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'stratdoc' && (!code || codeOf(d) === code));
}

/** Position of the first occurrence of `needle` (plus `offset` characters) in a document. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in ${doc.uri.path}`);
  return doc.positionAt(i + offset);
}

/** Reverts an editor's unsaved changes so that later suites see the fixture as it is. */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  if (!editor.document.isDirty) return;
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
