/**
 * The stratdoc language server: thin LSP handlers over the core (server/src/core) and
 * the language service (server/src/service). `node dist/server.js --stdio` for any
 * editor; the VS Code extension starts it over IPC.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  CodeActionKind,
  ResponseError,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  LSPErrorCodes,
  DocumentDiagnosticReportKind,
  DiagnosticRefreshRequest,
  type InitializeParams,
  type InitializeResult,
  type MessageWriter,
  type WorkDoneProgressServerReporter,
  type DocumentDiagnosticReport,
  type ConnectionOptions,
  type CancellationToken,
  type Message,
  type ResponseMessage,
  type RequestMessage,
} from 'vscode-languageserver/node';
import { format } from 'node:util';
import { Session } from './lsp/session';
import { toDiagnostics } from './service/diagnostics';
import type { ServiceContext } from './service/context';
import { completion } from './service/completion';
import { definition, documentLinks, hover, prepareRename, references, rename, RenameError } from './service/navigation';
import { documentSymbols, workspaceSymbols } from './service/symbols';
import { codeActions, FIX_ALL_KIND } from './service/actions';
import { codeLenses } from './service/lens';
import { planStatus, PLAN_STATUS_REQUEST } from './service/status';
import { preview, PREVIEW_REQUEST } from './service/preview';
import { exportPlan, EXPORT_REQUEST } from './service/export';
import { todayIso } from './core/engine';
import { WATCH_GLOBS } from './core/files/policy';
import { FrameReader, FrameWriter, ShutdownGuard } from './lsp/transport';
import { DiagnosticsWire } from './lsp/wire';
import { gcFunction, IdleCollector } from './node/idle-gc';

/**
 * `$/cancelRequest` (docs/decisions.md "Request flow"): a request cancelled while it still
 * waits in the queue (behind a check slice) is answered with RequestCancelled at once and
 * never run; one already running sees its CancellationToken cancelled.
 */
const CANCEL_WAITING: ConnectionOptions = {
  connectionStrategy: {
    cancelUndispatched: (m: Message): ResponseMessage => ({
      jsonrpc: '2.0',
      id: (m as RequestMessage).id ?? null,
      error: { code: LSPErrorCodes.RequestCancelled, message: 'The request was cancelled before it ran.' },
    }),
  },
};

/**
 * The transport: stdio (`--stdio`, any editor) and IPC (`--node-ipc`, the VS Code
 * extension) go through the server's own reader (lsp/transport.ts: frame limit, parse
 * errors, nothing after shutdown); other transports (`--socket`, `--pipe`) are
 * vscode-languageserver's own.
 */
function connect() {
  const args = process.argv.slice(2);
  let writer: MessageWriter | undefined;
  const answer = (m: Parameters<MessageWriter['write']>[0]) => void writer?.write(m).catch(() => undefined);
  const log = (m: string) => connection.console.error(m);
  let guard: ShutdownGuard | undefined;
  if (args.includes('--stdio')) {
    // Each message written when sent (lsp/transport.ts); a push of diagnostics from the pieces kept per finding (lsp/wire.ts).
    writer = new FrameWriter(process.stdout, (msg) => wire.encode(msg, 'utf8'));
    guard = new ShutdownGuard(new FrameReader(process.stdin, answer, log), answer);
  } else if (args.includes('--node-ipc')) {
    writer = new IPCMessageWriter(process);
    guard = new ShutdownGuard(new IPCMessageReader(process), answer);
  }
  if (!guard || !writer) return createConnection(ProposedFeatures.all);
  const g = guard;
  // The client went away: exit as the specification's `exit` does (0 after shutdown, else 1).
  g.onClose(() => process.exit(g.shutdown ? 0 : 1));
  const c = createConnection(ProposedFeatures.all, g, writer, CANCEL_WAITING);
  // Over stdio, console output would corrupt the protocol: it goes to the client's log.
  if (args.includes('--stdio')) {
    console.log = console.info = console.debug = (...a: unknown[]) => c.console.log(format(...a));
    console.warn = (...a: unknown[]) => c.console.warn(format(...a));
    console.error = (...a: unknown[]) => c.console.error(format(...a));
  }
  return c;
}

const wire = new DiagnosticsWire();
const connection = connect();

let progressCapable = false;
let refreshCapable = false;
/** The progress of reading the workspace, once the client has created it (calls chain on it, in order). */
let progress: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
let lastReport = 0;

/** One full collection once the server has rested after work (node/idle-gc.ts). */
const collect = gcFunction();
let idle: IdleCollector | undefined;

const session = new Session({
  rested() {
    idle?.worked();
  },
  publish(uri, findings, lang, version) {
    void connection.sendDiagnostics(wire.params(uri, version, findings, lang, session.open.has(uri)));
  },
  log(message) {
    connection.console.log(message);
  },
  /**
   * Work-done progress while the workspace is read (docs/decisions.md "Request flow"):
   * `window/workDoneProgress/create`, then `$/progress` begin, report (at most every
   * 200 ms), end; only for a client that announces window.workDoneProgress.
   */
  progress(kind, done, total) {
    if (!progressCapable) return;
    const text = `${done}/${total}`;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    if (kind === 'begin') {
      lastReport = performance.now();
      progress = connection.window.createWorkDoneProgress().then(
        (p) => {
          p.begin('stratdoc', 0, `reading ${text}`, false);
          return p;
        },
        () => undefined,
      );
      return;
    }
    const p = progress;
    if (!p) return;
    if (kind === 'end') {
      progress = undefined;
      void p.then((r) => r?.done());
      return;
    }
    if (performance.now() - lastReport < 200) return;
    lastReport = performance.now();
    void p.then((r) => r?.report(pct, `reading ${text}`));
  },
  refresh() {
    if (refreshCapable) void connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => undefined);
  },
});
if (collect) idle = new IdleCollector(collect, () => session.busy);

const ctx: ServiceContext = {
  get ws() {
    return session.ws;
  },
  lang: (uri) => session.langOf(uri),
  today: () => session.today ?? todayIso(),
  findings: () => session.findings(),
  text: (uri) => {
    const t = session.readText(uri);
    return typeof t === 'string' ? t : undefined;
  },
};

let configurationCapable = false;
let watchCapable = false;
let foldersCapable = false;

/**
 * Every handler: errors go to the client's output channel, the user gets an empty result.
 * The model is current after each didChange (parsing is synchronous); only publishing
 * diagnostics is debounced, and findings are computed on demand, so nothing is flushed here.
 */
function guard<A extends unknown[], R>(name: string, empty: R, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof RenameError) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
      connection.console.error(`stratdoc ${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
      return empty;
    }
  };
}

/**
 * A handler that runs once the workspace is read (docs/decisions.md "Request flow"); a
 * request cancelled meanwhile is answered with RequestCancelled and not run.
 */
/** A request about this document: its strategy is read first (Session.readNeighbours). */
function near(uri: string): string {
  session.readNeighbours(uri, true);
  return uri;
}

function afterIndex<P, R>(fn: (p: P) => R): (p: P, token: CancellationToken) => Promise<R> {
  return async (p, token) => {
    await session.whenIndexed();
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    return fn(p);
  };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  configurationCapable = !!caps.workspace?.configuration;
  watchCapable = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  foldersCapable = !!caps.workspace?.workspaceFolders;
  progressCapable = !!caps.window?.workDoneProgress;
  refreshCapable = !!caps.workspace?.diagnostics?.refreshSupport;
  session.locale = params.locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
  const opts = (params.initializationOptions ?? {}) as { today?: string; debounceMs?: number; settings?: unknown; pullDiagnostics?: boolean };
  // Open documents' diagnostics are pulled where the client can and does not decline it
  // (the VS Code extension declines: docs/decisions.md "Request flow"); the rest stay pushed.
  session.pull = !!caps.textDocument?.diagnostic && opts.pullDiagnostics !== false;
  if (opts.today) session.today = opts.today;
  if (typeof opts.debounceMs === 'number') session.debounceMs = opts.debounceMs;
  if (opts.settings) session.setSettings(opts.settings);
  const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  session.roots = roots.map((r) => (r.endsWith('/') ? r : r + '/'));
  // The workspace is read in onInitialized, once the editor's settings are known: reading
  // it here would publish a first round of diagnostics without them, then another.
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['@', ':', '|', ' ', ',', '#'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      codeLensProvider: { resolveProvider: false },
      documentLinkProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...(session.pull ? { diagnosticProvider: { identifier: 'stratdoc', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'stratdoc', version: VERSION },
  };
});

declare const VERSION: string;

async function pullSettings(): Promise<void> {
  if (!configurationCapable) return;
  try {
    const [settings] = (await connection.workspace.getConfiguration([{ section: 'stratdoc' }])) as unknown[];
    session.setSettings(settings);
  } catch (e) {
    connection.console.error(`stratdoc: could not read settings: ${String(e)}`);
  }
}

connection.onInitialized(async () => {
  // What the client supports is registered for; nothing here may keep the workspace
  // from being read below (issue: a client without workspace folders lost the scan).
  try {
    if (watchCapable) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: WATCH_GLOBS.map((globPattern) => ({ globPattern })),
        })
        .catch((e) => connection.console.error(`stratdoc: could not watch files: ${String(e)}`));
    }
    if (foldersCapable) {
      connection.workspace.onDidChangeWorkspaceFolders((ev) => {
        const removed = new Set(ev.removed.map((f) => (f.uri.endsWith('/') ? f.uri : f.uri + '/')));
        session.roots = [...session.roots.filter((r) => !removed.has(r)), ...ev.added.map((f) => (f.uri.endsWith('/') ? f.uri : f.uri + '/'))];
        session.reconfigure();
      });
    }
  } catch (e) {
    connection.console.error(`stratdoc: setup failed: ${e instanceof Error ? e.stack : String(e)}`);
  }
  await pullSettings();
  session.reconfigure();
  session.flush();
});

connection.onDidChangeConfiguration(async (change) => {
  if (configurationCapable) await pullSettings();
  else session.setSettings((change.settings as { stratdoc?: unknown } | undefined)?.stratdoc);
  session.reconfigure();
});

// The session holds each open document's text once and applies the editor's changes to it
// (no TextDocuments beside it: that was a second copy and a second version map).
connection.onDidOpenTextDocument((p) => session.didOpen(p.textDocument.uri, p.textDocument.text, p.textDocument.version));
connection.onDidChangeTextDocument((p) => session.didEdit(p.textDocument.uri, p.contentChanges, p.textDocument.version));
connection.onDidCloseTextDocument((p) => session.didClose(p.textDocument.uri));

connection.onDidChangeWatchedFiles((p) => {
  for (const c of p.changes) session.fileChanged(c.uri, c.type === FileChangeType.Deleted);
});

/**
 * Pull diagnostics (docs/decisions.md "Request flow"): the open document's findings once
 * the pending check is done; `unchanged` when the client already has them.
 */
connection.languages.diagnostics.on(async (p, token): Promise<DocumentDiagnosticReport> => {
  await session.settled();
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  try {
    const uri = p.textDocument.uri;
    const r = session.pullResult(uri);
    if (p.previousResultId === r.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: r.resultId };
    const lang = session.langOf(uri);
    return { kind: DocumentDiagnosticReportKind.Full, resultId: r.resultId, items: toDiagnostics(r.findings, lang) };
  } catch (e) {
    connection.console.error(`stratdoc diagnostic failed: ${e instanceof Error ? e.stack : String(e)}`);
    return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  }
});

// While the workspace is read, a request about a document reads that document's strategy first.
connection.onCompletion(guard('completion', [], (p) => completion(ctx, near(p.textDocument.uri), p.position)));
connection.onHover(guard('hover', null, (p) => hover(ctx, near(p.textDocument.uri), p.position)));
connection.onDefinition(guard('definition', [], (p) => definition(ctx, near(p.textDocument.uri), p.position)));
// What spans the workspace waits until it is read: a rename must not miss a plan not yet read.
connection.onReferences(afterIndex(guard('references', [], (p) => references(ctx, p.textDocument.uri, p.position, p.context.includeDeclaration))));
connection.onPrepareRename(guard('prepareRename', null, (p) => prepareRename(ctx, p.textDocument.uri, p.position)));
connection.onRenameRequest(afterIndex(guard('rename', null, (p) => rename(ctx, p.textDocument.uri, p.position, p.newName))));
connection.onDocumentSymbol(guard('documentSymbol', [], (p) => documentSymbols(ctx, p.textDocument.uri)));
connection.onWorkspaceSymbol(afterIndex(guard('workspaceSymbol', [], (p) => workspaceSymbols(ctx, p.query))));
connection.onCodeAction(guard('codeAction', [], (p) => codeActions(ctx, near(p.textDocument.uri), p.range, p.context.diagnostics, p.context.only)));
connection.onCodeLens(afterIndex(guard('codeLens', [], (p) => codeLenses(ctx, p.textDocument.uri))));
connection.onDocumentLinks(guard('documentLinks', [], (p) => documentLinks(ctx, p.textDocument.uri)));
// The status bar's push share, the preview and the export show the project: they wait for the index.
connection.onRequest(PLAN_STATUS_REQUEST, afterIndex(guard('planStatus', null, (p: { uri: string }) => planStatus(ctx, p.uri))));
connection.onRequest(
  PREVIEW_REQUEST,
  afterIndex(
    guard('preview', null, (p: { uri: string; base?: unknown }) => preview(ctx, String(p?.uri ?? ''), typeof p?.base === 'string' ? p.base : undefined)),
  ),
);
connection.onRequest(
  EXPORT_REQUEST,
  afterIndex(guard('export', null, (p: { uri: string; format: string }) => exportPlan(ctx, String(p?.uri ?? ''), p?.format))),
);

/**
 * Tests only: the live heap after full garbage collections, once no check is pending or
 * running (test/lsp/memory.test.ts, docs/decisions.md "Memory"). Exists only when the
 * server runs with --expose-gc, which no editor does.
 */
const gc = (globalThis as { gc?: () => void }).gc;
if (typeof gc === 'function') {
  connection.onRequest('stratdoc/memory', async () => {
    // After the check that is pending or running: memory of the workspace as it rests.
    await session.settled();
    gc();
    gc();
    const m = process.memoryUsage();
    return { heapUsed: m.heapUsed, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers };
  });
}

connection.listen();
