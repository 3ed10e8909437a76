/**
 * The stratdoc VS Code extension: starts the language server (dist/server.js, over IPC)
 * once the workspace or an open document is a stratdoc document, and shows the active
 * plan's push share and problem count in the status bar.
 *
 * Silence first: VS Code activates the extension on every Markdown or YAML file
 * (`onLanguage`), so until a strategy, a plan or `.stratdoc.yaml` turns up, activation
 * creates nothing visible: no server, no output channel, no status bar item, no message.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { LanguageClient, TransportKind, State, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { isStratdocDocument, formatOfLanguage, recognizeOpen, OFFER_KEY, SEARCH_EXCLUDE, WORKSPACE_GLOBS } from './detect';
import { markerEdit } from '../../shared/documents';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../shared/launch';
import { StatusBar } from './status';
import { Preview, type PreviewApi } from './preview';
import { NewDocuments } from './newfiles';

const CLIENT_ID = 'stratdoc';
/** How many lines of an open document the marker check reads while the server is not running. */
const PROBE_LINES = 300;

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<StratdocApi> {
  // Strings of the pure modules (statusText.ts) come from the same bundle as vscode.l10n.t.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  controller = new Controller(context);
  context.subscriptions.push(controller);
  context.subscriptions.push(
    vscode.commands.registerCommand('stratdoc.restartServer', () => controller?.restart()),
    vscode.commands.registerCommand('stratdoc.showOutput', () => controller?.showOutput()),
  );
  // The preview's commands and its serializer, before anything is awaited (a reload restores it).
  context.subscriptions.push(controller.preview);
  // "New Strategy", "New Editorial Plan": a new document starts the server if it was not running.
  const started = controller;
  context.subscriptions.push(new NewDocuments(context.extensionUri, () => started.start()));
  await controller.startWhenNeeded();
  return controller.api;
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}

/** What the extension returns from `activate`, for tests and other extensions. */
export interface StratdocApi {
  /** Whether the language server has been started. */
  isRunning(): boolean;
  /** Resolves once the language server is started and ready (starts it if it was not). */
  ready(): Promise<void>;
  /** What the extension has created so far: silence means all false. */
  state(): { server: boolean; outputChannel: boolean; statusBar: boolean };
  /** The status bar item's text, when it is shown. */
  statusText(): string | undefined;
  /** The offers to add a marker made so far (their questions), at most one per workspace. */
  offers(): string[];
  /** The preview panel: what it shows and what its webview rendered. */
  preview: PreviewApi;
}

class Controller implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private output: vscode.LogOutputChannel | undefined;
  private status: StatusBar | undefined;
  /** Listeners that wait for the first stratdoc document; dropped once the server runs. */
  private watchers: vscode.Disposable[] = [];
  private recheck: ReturnType<typeof setTimeout> | undefined;
  /** The questions of the marker offers made (see offerMarker). */
  private readonly offered: string[] = [];
  /** The preview asks for the server (and starts it) only when it is opened. */
  readonly preview: Preview;

  readonly api: StratdocApi = {
    isRunning: () => this.client !== undefined,
    ready: () => this.start(),
    state: () => ({ server: this.client !== undefined, outputChannel: this.output !== undefined, statusBar: this.status !== undefined }),
    statusText: () => this.status?.shownText(),
    offers: () => [...this.offered],
    preview: {
      isOpen: () => this.preview.api.isOpen(),
      shown: () => this.preview.api.shown(),
      rendered: () => this.preview.api.rendered(),
      receive: (m) => this.preview.api.receive(m),
      insertSection: (key) => this.preview.api.insertSection(key),
    },
  };

  constructor(private readonly context: vscode.ExtensionContext) {
    this.preview = new Preview(
      context.extensionUri,
      async () => {
        await this.start();
        return this.client?.state === State.Running ? this.client : undefined;
      },
      (doc) => this.isStratdoc(doc),
    );
  }

  /** Starts the server now if the workspace or an open document calls for it, else waits for one. */
  async startWhenNeeded(): Promise<void> {
    if (this.openDocumentIsStratdoc() || (await this.workspaceHasDocuments())) {
      await this.start();
      return;
    }
    this.waitForDocuments();
    for (const d of vscode.workspace.textDocuments) this.offerMarker(d);
  }

  /**
   * An open file that looks like a plan or strategy but has no marker, in a workspace where
   * the server does not run: offer once per workspace to add the marker (the same edit as
   * the unmarked-document quick fix) and start checking. Declining is remembered too.
   */
  private offerMarker(doc: vscode.TextDocument): void {
    if (this.client || this.context.workspaceState.get<boolean>(OFFER_KEY)) return;
    if (doc.uri.scheme !== 'file') return;
    const r = recognizeOpen(doc.uri.toString(), doc.fileName, doc.languageId, doc.getText());
    if (!r) return;
    void this.context.workspaceState.update(OFFER_KEY, true);
    const name = path.basename(doc.fileName);
    const question =
      r.kind === 'plan'
        ? vscode.l10n.t("{0} looks like an editorial plan, but stratdoc does not check it: it has no marker. Add 'stratdoc: plan' and check it?", name)
        : vscode.l10n.t(
            "{0} looks like a social media strategy, but stratdoc does not check it: it has no marker. Add 'stratdoc: strategy' and check it?",
            name,
          );
    const yes = vscode.l10n.t('Check it');
    this.offered.push(question);
    void vscode.window.showInformationMessage(question, yes, vscode.l10n.t('Not now')).then(async (choice) => {
      if (choice !== yes || doc.isClosed) return;
      const e = markerEdit(doc.getText(), r.format, r.kind);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(e.line, e.character), e.newText);
      await vscode.workspace.applyEdit(edit);
      await this.start();
    });
  }

  private openDocumentIsStratdoc(): boolean {
    return vscode.workspace.textDocuments.some((d) => this.isStratdoc(d));
  }

  private isStratdoc(doc: vscode.TextDocument): boolean {
    if (!formatOfLanguage(doc.languageId)) return false;
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
    const head = doc.lineCount > PROBE_LINES ? doc.getText(new vscode.Range(0, 0, PROBE_LINES, 0)) : doc.getText();
    return isStratdocDocument(doc.fileName, doc.languageId, head);
  }

  /** A strategy or plan by name, `.stratdoc.yaml`, or a file the `stratdoc.include` or `stratdoc.plans` setting names. */
  private async workspaceHasDocuments(): Promise<boolean> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!folders.length) return false;
    const settings = vscode.workspace.getConfiguration('stratdoc');
    const include = [...(settings.get<unknown[]>('include') ?? []), ...(settings.get<unknown[]>('plans') ?? [])];
    const globs: vscode.GlobPattern[] = [...WORKSPACE_GLOBS];
    // `include` and `plans` globs are relative to the workspace folder, as in .stratdoc.yaml.
    for (const g of include) {
      if (typeof g === 'string' && g.trim()) for (const f of folders) globs.push(new vscode.RelativePattern(f, g.trim()));
    }
    for (const glob of globs) {
      try {
        if ((await vscode.workspace.findFiles(glob, SEARCH_EXCLUDE, 1)).length) return true;
      } catch {
        // A malformed glob in the settings: the server reports settings problems once it runs.
      }
    }
    return false;
  }

  private waitForDocuments(): void {
    if (this.watchers.length) return;
    const check = (doc: vscode.TextDocument) => {
      if (!this.client && this.isStratdoc(doc)) void this.start();
    };
    const opened = (doc: vscode.TextDocument) => {
      check(doc);
      this.offerMarker(doc);
    };
    const later = () => {
      clearTimeout(this.recheck);
      this.recheck = setTimeout(() => {
        void this.workspaceHasDocuments().then((yes) => {
          if (yes) void this.start();
        });
      }, 300);
    };
    const fsWatcher = vscode.workspace.createFileSystemWatcher(`{${WORKSPACE_GLOBS.join(',')}}`, false, true, true);
    this.watchers.push(
      vscode.workspace.onDidOpenTextDocument(opened),
      // Typing `stratdoc: plan` into a new file makes it a document.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.some((c) => c.range.start.line < PROBE_LINES)) check(e.document);
      }),
      vscode.workspace.onDidRenameFiles(later),
      vscode.workspace.onDidChangeWorkspaceFolders(later),
      vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration('stratdoc.include') || e.affectsConfiguration('stratdoc.plans')) && later()),
      fsWatcher,
      fsWatcher.onDidCreate(() => void this.start()),
    );
  }

  private stopWaiting(): void {
    clearTimeout(this.recheck);
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }

  start(): Promise<void> {
    this.starting ??= this.doStart().catch((e) => {
      this.starting = undefined;
      this.client = undefined;
      this.log(`stratdoc: the language server could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void vscode.window
        .showErrorMessage(vscode.l10n.t('stratdoc: the language server could not start. See the output for details.'), vscode.l10n.t('Show output'))
        .then((choice) => {
          if (choice) this.output?.show(true);
        });
    });
    return this.starting;
  }

  private async doStart(): Promise<void> {
    this.stopWaiting();
    this.output ??= vscode.window.createOutputChannel('stratdoc', { log: true });
    const module = this.context.asAbsolutePath(path.join('dist', 'server.js'));
    const serverOptions: ServerOptions = {
      // The server's Node flags and environment (shared/launch.ts, docs/decisions.md "Memory").
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env: { ...process.env, ...SERVER_ENV } } },
      debug: {
        module,
        transport: TransportKind.ipc,
        options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'], env: { ...process.env, ...SERVER_ENV } },
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'untitled', language: 'markdown' },
        { scheme: 'file', language: 'yaml' },
        { scheme: 'untitled', language: 'yaml' },
        // CSV plans whatever language the editor gave them (plaintext, csv…): docs/format.md "CSV plans".
        // Any CSV: the `plans:` globs of .stratdoc.yaml may name one; the server reads only those that are plans.
        { scheme: 'file', pattern: '**/*.csv' },
      ],
      synchronize: { configurationSection: 'stratdoc' },
      // Push, not pull: vscode-languageclient drops a file's pulled diagnostics when its tab
      // closes while the document stays open, and the Problems view would lose them
      // (docs/decisions.md "Request flow").
      initializationOptions: { pullDiagnostics: false },
      outputChannel: this.output,
    };
    const client = new LanguageClient(CLIENT_ID, 'stratdoc', serverOptions, clientOptions);
    this.client = client;
    this.status ??= new StatusBar(
      () => (this.client?.state === State.Running ? this.client : undefined),
      (uri, status) => this.preview.activeDocument(uri, !!status),
    );
    await client.start();
    this.status.refreshSoon();
  }

  async restart(): Promise<void> {
    if (!this.client) {
      await this.start();
      return;
    }
    await this.client.restart();
    this.status?.refreshSoon();
  }

  showOutput(): void {
    if (this.output) {
      this.output.show(true);
      return;
    }
    void vscode.window.showInformationMessage(
      vscode.l10n.t('stratdoc has not started: there is no strategy, no editorial plan and no .stratdoc.yaml in this workspace yet.'),
    );
  }

  private log(message: string): void {
    this.output ??= vscode.window.createOutputChannel('stratdoc', { log: true });
    this.output.error(message);
  }

  async stop(): Promise<void> {
    this.stopWaiting();
    const c = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (c && c.state !== State.Stopped) await c.stop().catch(() => undefined);
  }

  dispose(): void {
    this.stopWaiting();
    this.status?.dispose();
    this.status = undefined;
    this.output?.dispose();
    this.output = undefined;
  }
}
