/**
 * The extension-host suites of test/extension (the same ones `npm run test:electron` runs
 * where VS Code can be downloaded) inside a real VS Code here: code-server with the smoke
 * test driver, the packaged .vsix installed, and its installed folder as the extension
 * under development. Chromium opens the workbench with the payload (extensionDevelopmentPath,
 * extensionTestsPath = out/test/extension/index.js); the suite's result arrives through
 * `codeAutomationExit(code)`, its log through `codeAutomationLog` and the console.
 *
 * Two workspaces, as runTest.ts does: the stratdoc fixture (activation, diagnostics,
 * completion, quick fix, preview, the new-document commands) and a folder without
 * stratdoc documents (silence).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { CodeServer, ROOT, builtVsix, copyWorkspace, launchChromium, removeWorkspace, requireTools, type Chromium } from './codeserver';

const EXTENSION_ID = 'stratdoc.stratdoc';
const TESTS = path.join(ROOT, 'out', 'test', 'extension', 'index.js');
/** A run takes 10–20 s here; a hung extension host fails the test after this. */
const RUN_TIMEOUT = 150_000;

/** Workbench start-up chatter and the offline gallery, left out of the printed log (kept in failure messages). */
const NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|\[error\] getaddrinfo ENOTFOUND|\s*$)/;

interface Result {
  code: number;
  log: string[];
}

async function runSuites(workspace: string): Promise<Result> {
  const cs = await CodeServer.start({ smokeTestDriver: true, vsix: builtVsix() });
  let browser: Chromium | undefined;
  const folder = copyWorkspace(workspace);
  const log: string[] = [];
  try {
    browser = await launchChromium();
    const { page } = browser;
    let exit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    // The workbench's log and, through it, the extension host's console: mocha's spec reporter.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const text = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
      if (type === 'info') log.push(text);
      else log.push(`[${type}] ${text.split('\n')[0]}`); // the first line of a stack is enough
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    page.on('pageerror', (e) => log.push(`[page error] ${e.message}`));
    const extension = cs.installedExtension(EXTENSION_ID);
    const url = cs.url(folder, [
      ['extensionDevelopmentPath', cs.remote(extension)],
      ['extensionTestsPath', cs.remote(TESTS)],
    ]);
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no codeAutomationExit within ${RUN_TIMEOUT / 1000} s`)), RUN_TIMEOUT);
    });
    try {
      const code = await Promise.race([exited, timeout]);
      return { code, log };
    } finally {
      clearTimeout(timer);
    }
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    err.message += `\n--- suite log ---\n${log.join('\n')}\n--- code-server ---\n${cs.log()}`;
    throw err;
  } finally {
    await browser?.close();
    await cs.stop();
    removeWorkspace(folder);
  }
}

describe('extension-host suites in code-server (VS Code 1.139)', function () {
  this.timeout(RUN_TIMEOUT + 60_000);

  before(function () {
    requireTools(this);
    assert.ok(fs.existsSync(TESTS), `${path.relative(ROOT, TESTS)} is built by node esbuild.js`);
  });

  for (const [name, rel] of [
    ['the stratdoc workspace (test/fixtures/vscode/workspace)', 'test/fixtures/vscode/workspace'],
    ['a workspace without stratdoc documents (test/fixtures/vscode/empty)', 'test/fixtures/vscode/empty'],
  ] as const) {
    it(name, async () => {
      const started = Date.now();
      const { code, log } = await runSuites(rel);
      console.log(`      --- extension host (${((Date.now() - started) / 1000).toFixed(1)} s) ---`);
      for (const line of log) if (!NOISE.test(line)) console.log(`      | ${line}`);
      assert.equal(code, 0, `the extension-host suites exited with ${code}`);
    });
  }
});
