/**
 * One start of a language server over stdio, as an editor starts it: the process, the
 * protocol connection, the requests every client answers the same way (registrations,
 * progress tokens, workspace/configuration), `initialize` and `initialized`. The test
 * harness (test/lsp/harness.ts) and the benches (test/bench/lsp.ts, open-memory.ts) start
 * the server through it and add only what they listen for.
 */
import * as cp from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type ClientCapabilities,
  type InitializeResult,
  InitializeRequest,
  InitializedNotification,
  RegistrationRequest,
  ConfigurationRequest,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';

export interface ServerStart {
  /** The command: the program and its arguments (`[process.execPath, 'dist/server.js', '--stdio']`). */
  cmd: string[];
  /** The workspace folder. */
  root: string;
  /** Its name in workspaceFolders. */
  name?: string;
  locale?: string;
  capabilities: ClientCapabilities;
  initializationOptions?: unknown;
  /** The answer to each item of workspace/configuration (default null). */
  configuration?: unknown;
  /** Environment variables added to this process's for the server. */
  env?: Readonly<Record<string, string>>;
  /** stderr piped (to read the server's log) or ignored (default). */
  stderr?: 'pipe' | 'ignore';
  /** Handlers of the caller, set before the connection listens (they replace the defaults here). */
  listen?: (conn: ProtocolConnection, proc: cp.ChildProcess) => void;
}

export interface StartedServer {
  proc: cp.ChildProcess;
  conn: ProtocolConnection;
  initializeResult: InitializeResult;
}

/** Starts the server, answers what every client answers, and completes the handshake. */
export async function startServer(o: ServerStart): Promise<StartedServer> {
  const proc = cp.spawn(o.cmd[0], o.cmd.slice(1), { stdio: ['pipe', 'pipe', o.stderr ?? 'ignore'], env: o.env ? { ...process.env, ...o.env } : undefined });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onRequest(RegistrationRequest.type, () => undefined);
  conn.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => o.configuration ?? null));
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('telemetry/event', () => undefined);
  o.listen?.(conn, proc);
  conn.listen();
  const uri = pathToFileURL(o.root).href;
  const initializeResult = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: o.name ?? 'ws' }],
    ...(o.locale ? { locale: o.locale } : {}),
    capabilities: o.capabilities,
    initializationOptions: o.initializationOptions,
  });
  await conn.sendNotification(InitializedNotification.type, {});
  return { proc, conn, initializeResult };
}
