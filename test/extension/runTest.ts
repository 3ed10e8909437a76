/**
 * `npm run test:electron`: downloads VS Code (@vscode/test-electron) and runs the
 * extension-host suites (index.ts) twice: in a copy of test/fixtures/vscode/workspace
 * (a German strategy and two plans) and in a copy of test/fixtures/vscode/empty (no
 * stratdoc documents at all). Needs a machine that can download VS Code.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '../../..');

function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `stratdoc-vscode-${name}-`));
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'vscode', name), dir, { recursive: true });
  return dir;
}

async function main(): Promise<void> {
  const version = process.env.STRATDOC_VSCODE_VERSION ?? 'stable';
  for (const name of ['workspace', 'empty']) {
    const folder = copyFixture(name);
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-vscode-user-'));
    try {
      await runTests({
        version,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(__dirname, 'index.js'),
        launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userData}`],
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(userData, { recursive: true, force: true });
    }
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
