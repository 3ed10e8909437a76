/**
 * Drives the real built server (dist/server.js) over stdio, as an editor does.
 * Each test gets its own copy of a fixture workspace in a temp folder, so changes on
 * disk (created, deleted files) never touch the repository.
 */
import type * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers/repo';
import { startServer } from '../helpers/lspclient';
import {
  type ProtocolConnection,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  DidChangeWatchedFilesNotification,
  ShutdownRequest,
  ExitNotification,
  type Diagnostic,
  type PublishDiagnosticsParams,
  FileChangeType,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';

export const REPO = repoRoot();

export const SERVER = path.join(REPO, 'dist', 'server.js');

export function copyFixture(name: string): string {
  const src = path.join(REPO, 'test', 'fixtures', name);
  const dst = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-lsp-'));
  fs.cpSync(src, dst, { recursive: true });
  return dst;
}

export function uriOf(dir: string, rel: string): string {
  return pathToFileURL(path.join(dir, rel)).href;
}

export interface ClientOptions {
  locale?: string;
  today?: string;
  settings?: Record<string, unknown>;
  /** Answer workspace/configuration with these stratdoc settings. */
  configuration?: Record<string, unknown>;
  watch?: boolean;
  /** Whether the client announces workspace.workspaceFolders (default true). */
  workspaceFolders?: boolean;
  /** Environment variables added for the server (shared/launch.ts SERVER_ENV). */
  env?: Readonly<Record<string, string>>;
  /** Options for the server's node (e.g. --max-old-space-size, --expose-gc). */
  nodeArgs?: string[];
  /** Sent as initializationOptions.debounceMs (default 5). */
  debounceMs?: number;
  /** Announce window.workDoneProgress (the server then reports reading the workspace). */
  workDoneProgress?: boolean;
  /** Announce pull diagnostics (textDocument.diagnostic, workspace.diagnostics.refreshSupport). */
  pull?: boolean;
}

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** The version of each document's last publish (undefined: published without one). */
  readonly publishedVersions = new Map<string, number | undefined>();
  private waiters: { pred: () => boolean; resolve: () => void }[] = [];
  readonly logs: string[] = [];
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();
  publishCount = 0;
  /** What the server answered to `initialize` (its capabilities). */
  initializeResult: InitializeResult | undefined;
  /**
   * What arrived, in order: `publish <uri> <version> <codes>`, `progress <begin|report|end>
   * <message>`, `refresh` (workspace/diagnostic/refresh).
   */
  readonly events: string[] = [];
  /** Every publish as it arrived (uri, version, diagnostics). */
  readonly history: PublishDiagnosticsParams[] = [];

  private constructor(
    readonly proc: cp.ChildProcess,
    readonly conn: ProtocolConnection,
    readonly root: string,
  ) {}

  static async start(root: string, opts: ClientOptions = {}): Promise<TestClient> {
    let c!: TestClient;
    const started = await startServer({
      cmd: [process.execPath, ...(opts.nodeArgs ?? []), SERVER, '--stdio'],
      env: opts.env,
      root,
      locale: opts.locale ?? 'de',
      stderr: 'pipe',
      configuration: opts.configuration,
      capabilities: {
        workspace: {
          configuration: !!opts.configuration,
          didChangeWatchedFiles: { dynamicRegistration: opts.watch ?? true },
          workspaceFolders: opts.workspaceFolders ?? true,
          ...(opts.pull ? { diagnostics: { refreshSupport: true } } : {}),
        },
        textDocument: {
          publishDiagnostics: {},
          completion: { completionItem: { snippetSupport: true } },
          ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
        ...(opts.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
      },
      initializationOptions: { today: opts.today ?? '2027-02-15', debounceMs: opts.debounceMs ?? 5, settings: opts.settings },
      listen: (conn, proc) => {
        c = new TestClient(proc, conn, root);
        proc.stderr!.on('data', (d) => c.logs.push(String(d)));
        conn.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
          c.publishCount++;
          c.history.push(p);
          c.publishedVersions.set(p.uri, p.version);
          c.diagnostics.set(p.uri, p.diagnostics);
          c.events.push(`publish ${p.uri} ${p.version} ${p.diagnostics.map((d) => d.code).join(',')}`);
          c.check();
        });
        conn.onNotification('window/logMessage', (p: { message: string }) => {
          c.logs.push(p.message);
        });
        conn.onNotification('$/progress', (p: { value: { kind: string; message?: string } }) => {
          c.events.push(`progress ${p.value.kind} ${p.value.message ?? ''}`);
          c.check();
        });
        conn.onRequest('workspace/diagnostic/refresh', () => {
          c.events.push('refresh');
          c.check();
          return null;
        });
      },
    });
    c.initializeResult = started.initializeResult;
    return c;
  }

  private check(): void {
    this.waiters = this.waiters.filter((w) => {
      if (w.pred()) {
        w.resolve();
        return false;
      }
      return true;
    });
  }

  /** Waits until a condition on the published diagnostics holds (events, never sleeps). */
  until(pred: () => boolean, what: string, ms = 10000): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `timed out waiting for ${what}; have: ${[...this.diagnostics].map(([u, d]) => `${path.basename(u)}: ${d.map((x) => x.code).join(',')}`).join(' | ')}\n${this.logs.join('')}`,
            ),
          ),
        ms,
      );
      this.waiters.push({
        pred,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  codes(uri: string): string[] {
    return (this.diagnostics.get(uri) ?? []).map((d) => String(d.code)).sort();
  }

  uri(rel: string): string {
    return uriOf(this.root, rel);
  }

  text(rel: string): string {
    return this.texts.get(this.uri(rel)) ?? fs.readFileSync(path.join(this.root, rel), 'utf8');
  }

  async open(rel: string, text?: string): Promise<string> {
    const uri = this.uri(rel);
    const content = text ?? fs.readFileSync(path.join(this.root, rel), 'utf8');
    this.versions.set(uri, 1);
    this.texts.set(uri, content);
    const languageId = /\.ya?ml$/.test(rel) ? 'yaml' : 'markdown';
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: content } });
    return uri;
  }

  /** Replaces the whole text of an open document. */
  async change(rel: string, text: string): Promise<void> {
    const uri = this.uri(rel);
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    this.texts.set(uri, text);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ text }] });
  }

  /** An incremental edit, as editors send on a keystroke. */
  async edit(rel: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string): Promise<void> {
    const uri = this.uri(rel);
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ range, text: newText }] });
  }

  async close(rel: string): Promise<void> {
    const uri = this.uri(rel);
    this.texts.delete(uri);
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Writes (or deletes, with undefined) a file on disk and tells the server, as a file watcher does. */
  async disk(rel: string, text: string | undefined): Promise<void> {
    const p = path.join(this.root, rel);
    const existed = fs.existsSync(p);
    if (text === undefined) fs.rmSync(p, { force: true });
    else {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, text);
    }
    const type = text === undefined ? FileChangeType.Deleted : existed ? FileChangeType.Changed : FileChangeType.Created;
    await this.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: this.uri(rel), type }] });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      /* the server may be gone already */
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
