/**
 * Entry of the extension-host tests, in the @vscode/test-electron shape: VS Code loads
 * this file (extensionTestsPath) inside its extension host and awaits `run()`, a mocha run
 * of the suites beside it. The same file serves test-electron (runTest.ts) and any other
 * runner that starts VS Code with extensionDevelopmentPath + extensionTestsPath.
 *
 * Which suites run depends on the workspace that was opened: the stratdoc fixture
 * (test/fixtures/vscode/workspace, it has a .stratdoc.yaml) runs activation, diagnostics,
 * completion, quick fix, preview and the new-document commands (last: they add files, and
 * remove them again); a workspace without stratdoc documents
 * (test/fixtures/vscode/empty) runs the silence suite only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import Mocha from 'mocha';

export const STRATDOC_SUITES = ['activation.test.js', 'diagnostics.test.js', 'completion.test.js', 'quickfix.test.js', 'preview.test.js', 'newfiles.test.js'];
export const SILENT_SUITES = ['silent.test.js'];

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const isStratdoc = !!folder && fs.existsSync(path.join(folder, '.stratdoc.yaml'));
  const only = process.env.STRATDOC_SUITES?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const suites = only?.length ? only : isStratdoc ? STRATDOC_SUITES : SILENT_SUITES;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  for (const s of suites) mocha.addFile(path.join(__dirname, s.endsWith('.js') ? s : `${s}.js`));
  await new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed.`)) : resolve()));
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
