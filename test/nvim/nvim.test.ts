/**
 * A second real editor: headless Neovim (Debian's `neovim`, 0.7.2 or later) runs the
 * built server (`node dist/server.js --stdio`) through its own LSP client
 * (test/nvim/init.lua), opens an example plan, and reports the diagnostics it received
 * and a completion as JSON, which this test checks.
 *
 * Without `nvim` the test is skipped with the install command; under CI=true a missing
 * Neovim fails it (.ci/run installs it).
 */
import * as assert from 'node:assert/strict';
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, SERVER, copyFixture } from '../lsp/harness';

const INSTALL = 'apt-get install -y neovim';
const TIME_LIMIT_MS = 60000;

function nvimPath(): string | undefined {
  const r = cp.spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && /NVIM v\d/.test(r.stdout) ? 'nvim' : undefined;
}

interface NvimDiagnostic {
  code?: string;
  lnum: number;
  col: number;
  end_col?: number;
  message: string;
  source?: string;
  severity?: number;
}

interface NvimResult {
  ok: boolean;
  error?: string;
  steps: string[];
  uri: string;
  got_diagnostics: boolean;
  diagnostics: NvimDiagnostic[];
  raw_count: number;
  completion: { label: string; detail?: string; newText?: string }[];
  completion_error?: unknown;
  cleared: boolean;
  stopped: boolean;
}

describe('Neovim: a real second LSP client', function () {
  this.timeout(TIME_LIMIT_MS + 10000);
  let root: string | undefined;
  let home: string | undefined;

  before(function () {
    if (nvimPath()) return;
    const msg = `nvim is not installed: install it with \`${INSTALL}\` to run the Neovim test.`;
    if (process.env.CI === 'true') throw new Error(`${msg} (CI=true: a missing tool fails the test.)`);
    console.log(`      skipped: ${msg}`);
    this.skip();
  });

  afterEach(() => {
    for (const d of [root, home]) if (d) fs.rmSync(d, { recursive: true, force: true });
    root = home = undefined;
  });

  it("receives the diagnostics of a plan and completes goal: with the strategy's goals", function () {
    assert.ok(fs.existsSync(SERVER), `${SERVER} is built (node esbuild.js)`);
    root = copyFixture('lsp/basic');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-nvim-home-'));
    const out = path.join(home, 'result.json');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_STATE_HOME: path.join(home, 'state'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
      STRATDOC_NODE: process.execPath,
      STRATDOC_SERVER: SERVER,
      STRATDOC_ROOT: root,
      STRATDOC_OUT: out,
    };
    const init = path.join(REPO, 'test', 'nvim', 'init.lua');
    const run = cp.spawnSync('nvim', ['--headless', '-i', 'NONE', '--noplugin', '-n', '-u', init, path.join('plaene', 'q1.plan.yaml')], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: TIME_LIMIT_MS,
      killSignal: 'SIGKILL',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = `exit ${run.status} ${run.signal ?? ''} ${run.error ?? ''}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
    assert.ok(!run.error && run.signal === null, `nvim finished within ${TIME_LIMIT_MS / 1000} s\n${log}`);
    assert.ok(fs.existsSync(out), `init.lua wrote its result\n${log}`);
    const r = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
    assert.ok(r.ok, `the Lua script ran through: ${r.error} (steps: ${r.steps.join(', ')})\n${log}`);
    assert.equal(run.status, 0, log);

    // Diagnostics: pushed by the server and shown by Neovim, at the exact place.
    assert.ok(r.got_diagnostics, `unknown-reference arrived; got ${JSON.stringify(r.diagnostics)}`);
    assert.ok(r.raw_count > 0);
    const unknown = r.diagnostics.filter((d) => d.code === 'unknown-reference');
    assert.equal(unknown.length, 1, JSON.stringify(r.diagnostics));
    assert.equal(unknown[0].lnum, 18, 'the line of `goal: G9`');
    assert.equal(unknown[0].col, 10);
    assert.equal(unknown[0].end_col, 12);
    assert.equal(unknown[0].source, 'stratdoc');
    assert.equal(unknown[0].severity, 1 /* vim.diagnostic.severity.ERROR */);
    assert.match(unknown[0].message, /G9/);
    assert.match(unknown[0].message, /G1/, 'the message suggests the closest goal');

    // Completion after `goal: ` on a line Neovim edited (incremental didChange first).
    assert.equal(r.completion_error ?? undefined, undefined, JSON.stringify(r.completion_error));
    assert.deepEqual(r.completion.map((i) => i.label).sort(), ['G1', 'G2']);
    const g1 = r.completion.find((i) => i.label === 'G1')!;
    assert.equal(g1.detail, 'Mehr Probefahrten für E-Autos');
    assert.equal(g1.newText, 'G1');

    // The edit to `goal: G1` clears the error, and the server stopped cleanly.
    assert.ok(r.cleared, 'unknown-reference cleared after the edit');
    assert.ok(r.stopped, 'the server was shut down');
  });
});
