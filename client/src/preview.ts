/**
 * The preview of a strategy and its plans in VS Code: one webview panel (viewType
 * `stratdoc.preview`), opened with "stratdoc: Open Preview" or "Open Preview to the Side"
 * like the Markdown preview. Its content comes from the language server (custom request
 * `stratdoc/preview`, rendered there), so the preview and the diagnostics never disagree.
 *
 * - It follows the active editor: switching to another strategy or plan shows that one;
 *   other files leave it as it is.
 * - It updates as the user types (debounced) and when the diagnostics of its project
 *   change, in place: the page loads once and the script swaps the content, keeping the
 *   scroll position.
 * - It takes the VS Code theme (light, dark, high contrast) from the webview's variables.
 * - It survives a window reload: a serializer restores it from the webview state.
 * - Clicking a step reveals its section; a missing one shows where it would go and offers
 *   the `missing-step` quick fix. Only http(s) links open, in the browser.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { safeHttpUrl, type PreviewModel, type PreviewResult, type PreviewSection } from '../../shared/preview';
import { EXPORT_REQUEST, PREVIEW_REQUEST } from '../../shared/protocol';
import type { FromWebview, RenderFacts, ToWebview, WebviewState } from '../../shared/webview';
import { makeNonce, previewPage, unavailable } from './preview-page';

export const PREVIEW_VIEW_TYPE = 'stratdoc.preview';
/**
 * Context key: the strategies and plans seen, for `resource in stratdoc.documents`. Set as
 * `Uri` objects: VS Code turns them into the workbench's URI strings (`vscode-remote://…`
 * in a remote window, where the extension host sees `file://…`).
 */
export const DOCUMENTS_CONTEXT = 'stratdoc.documents';
const UPDATE_DEBOUNCE_MS = 150;

/** What the panel was last given. */
export interface PreviewShown {
  /** The document the preview follows. */
  uri: string;
  model: PreviewModel;
  html: string;
  seq: number;
}

/** The preview's part of the extension's API (tests, end-to-end checks). */
export interface PreviewApi {
  /** Whether the preview panel is open. */
  isOpen(): boolean;
  /** The content last given to the panel, from the server. */
  shown(): PreviewShown | undefined;
  /** What the webview last reported from its own DOM after showing content. */
  rendered(): RenderFacts | undefined;
  /** Handles a message as if the webview had sent it (a click on a step, a link). */
  receive(message: FromWebview): Promise<void>;
  /** Inserts a missing section of the shown project with its quick fix; whether it did. */
  insertSection(sectionKey: string): Promise<boolean>;
}

type ClientProvider = () => Promise<LanguageClient | undefined>;
/** The extension's cheap check (marker, file name; no server): whether a document looks like a strategy or plan. */
type Detector = (doc: vscode.TextDocument) => boolean;

export class Preview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** The document the preview follows. */
  private docUri: vscode.Uri | undefined;
  /** The strategy or plan last active in an editor: what the preview opens on when no text editor is active (the walkthrough). */
  private lastDocument: vscode.Uri | undefined;
  /** The editor column the document was in when the preview took it. */
  private sourceColumn: vscode.ViewColumn | undefined;
  private last: PreviewShown | undefined;
  private lastFacts: RenderFacts | undefined;
  private seq = 0;
  /** The revision the preview compares with (`HEAD`), or none. */
  private base: string | undefined;
  /** The seq of the content in the panel's current `webview.html` (0: none yet). */
  private pageSeq = 0;
  private inFlight: Promise<void> | undefined;
  /** Something changed while a request was under way. */
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly documents = new Map<string, vscode.Uri>();
  /** The documents and the folder of the last model, as VS Code spells them. */
  private lastUris = new Map<string, vscode.Uri>();
  private lastRoot = '';
  private readonly scriptFile: vscode.Uri;
  private readonly distFolder: vscode.Uri;

  readonly api: PreviewApi = {
    isOpen: () => this.panel !== undefined,
    shown: () => this.last,
    rendered: () => this.lastFacts,
    receive: (m) => this.onMessage(m, true),
    insertSection: (key) => this.insertSection(key),
  };

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: ClientProvider,
    private readonly looksLikeDocument: Detector = () => false,
  ) {
    this.distFolder = vscode.Uri.joinPath(extensionUri, 'dist');
    this.scriptFile = vscode.Uri.joinPath(this.distFolder, 'preview-webview.js');
    this.disposables.push(
      vscode.commands.registerCommand('stratdoc.openPreview', (uri?: unknown) => this.open(uri, false)),
      vscode.commands.registerCommand('stratdoc.openPreviewToSide', (uri?: unknown) => this.open(uri, true)),
      vscode.commands.registerCommand('stratdoc.showPreviewSource', () => this.showSource()),
      vscode.commands.registerCommand('stratdoc.togglePreviewChanges', () => this.toggleChanges()),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.restore(panel, state),
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.concerns(e.document.uri, false)) this.refreshSoon();
      }),
      // Also for files in the project's folders: a plan that becomes one, a strategy renamed.
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => this.concerns(u, true))) this.refreshSoon();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('stratdoc')) this.refreshSoon();
      }),
      // The title button at once, before the server has answered for the new editor.
      vscode.window.onDidChangeActiveTextEditor((e) => this.guess(e)),
    );
    this.guess(vscode.window.activeTextEditor);
  }

  /** Offers the preview for a document that looks like a strategy or plan; the server's answer (activeDocument) decides. */
  private guess(editor: vscode.TextEditor | undefined): void {
    if (!editor || this.documents.has(editor.document.uri.toString())) return;
    let yes = false;
    try {
      yes = this.looksLikeDocument(editor.document);
    } catch {
      yes = false;
    }
    if (yes) this.lastDocument = editor.document.uri;
    if (yes && this.remember(editor.document.uri)) this.publishDocuments();
  }

  // ------------------------------------------------------------------ which document

  /**
   * The status bar's answer for the active editor (`stratdoc/planStatus`): whether it is
   * a strategy or plan. Sets the context key of the editor title button, and moves the
   * preview to that document.
   */
  activeDocument(uri: vscode.Uri | undefined, isDocument: boolean): void {
    if (!uri) return;
    const key = uri.toString();
    if (isDocument) this.lastDocument = uri;
    else if (key === this.lastDocument?.toString()) this.lastDocument = undefined;
    if (isDocument ? this.remember(uri) : this.forget(key)) this.publishDocuments();
    if (!isDocument || !this.panel || key === this.docUri?.toString()) return;
    this.docUri = uri;
    this.sourceColumn = vscode.window.activeTextEditor?.document.uri.toString() === key ? vscode.window.activeTextEditor.viewColumn : this.sourceColumn;
    this.refreshSoon(0);
  }

  private remember(uri: vscode.Uri): boolean {
    const key = uri.toString();
    if (this.documents.has(key)) return false;
    this.documents.set(key, uri);
    return true;
  }

  private forget(key: string): boolean {
    return this.documents.delete(key);
  }

  private publishDocuments(): void {
    void vscode.commands.executeCommand('setContext', DOCUMENTS_CONTEXT, [...this.documents.values()]);
  }

  /** Whether a change to `uri` may change what the preview shows (`nearby`: any stratdoc-like file in the project's folders). */
  private concerns(uri: vscode.Uri, nearby: boolean): boolean {
    if (!this.panel || !this.docUri) return false;
    const key = uri.toString();
    if (key === this.docUri.toString() || this.lastUris.has(key)) return true;
    return nearby && !!this.lastRoot && key.startsWith(this.lastRoot) && /\.(md|markdown|ya?ml)$/i.test(uri.path);
  }

  /** The documents of a model, as VS Code spells their URIs. */
  private modelUris(m: PreviewModel): Map<string, vscode.Uri> {
    const out = new Map<string, vscode.Uri>();
    const add = (u: string | undefined) => {
      if (!u) return;
      try {
        const uri = vscode.Uri.parse(u, true);
        out.set(uri.toString(), uri);
      } catch {
        /* not a URI: not a document */
      }
    };
    add(m.strategy?.uri);
    for (const p of m.plans ?? []) add(p.uri);
    add(m.focusUri);
    return out;
  }

  // ------------------------------------------------------------------ the panel

  private async open(arg: unknown, toSide: boolean): Promise<void> {
    // No text editor active (the walkthrough, a webview): the open preview's document, else a
    // strategy or plan in view, else the one last active.
    const visible = vscode.window.visibleTextEditors.find((e) => this.documents.has(e.document.uri.toString()))?.document.uri;
    const uri =
      arg instanceof vscode.Uri
        ? arg
        : (vscode.window.activeTextEditor?.document.uri ?? (this.panel ? this.docUri : undefined) ?? visible ?? this.lastDocument ?? this.docUri);
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a strategy or an editorial plan to see its preview.'));
      return;
    }
    const active = vscode.window.activeTextEditor;
    const editorColumn = active && active.document.uri.toString() === uri.toString() ? active.viewColumn : undefined;
    this.docUri = uri;
    this.sourceColumn = editorColumn ?? this.sourceColumn;
    const column = toSide ? vscode.ViewColumn.Beside : (editorColumn ?? vscode.ViewColumn.Active);
    if (this.panel) {
      this.panel.reveal(column, toSide);
    } else {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, this.titleFor(uri), { viewColumn: column, preserveFocus: toSide }, this.options());
      this.adopt(panel);
    }
    await this.refresh();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [this.distFolder],
    };
  }

  /** After a window reload: the document from the webview state. */
  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const s = state as Partial<WebviewState> | undefined;
    let uri: vscode.Uri | undefined;
    try {
      uri = typeof s?.uri === 'string' && s.uri ? vscode.Uri.parse(s.uri, true) : undefined;
    } catch {
      uri = undefined;
    }
    if (!uri) {
      panel.dispose();
      return;
    }
    if (this.panel) {
      // One preview: a second restored panel (should not happen) goes away.
      panel.dispose();
      return;
    }
    panel.webview.options = this.options();
    this.docUri = uri;
    this.adopt(panel);
    await this.refresh();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.pageSeq = 0;
    this.forgetContent();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'images', 'icon.png');
    this.panelDisposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m, false)),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.refreshSoon(0);
      }),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.forgetContent();
        clearTimeout(this.timer);
        for (const d of this.panelDisposables) d.dispose();
        this.panelDisposables = [];
      }),
    );
  }

  private forgetContent(): void {
    this.last = undefined;
    this.lastFacts = undefined;
    this.lastUris = new Map();
    this.lastRoot = '';
  }

  private titleFor(uri: vscode.Uri): string {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
    return vscode.l10n.t('Preview {0}', name);
  }

  // ------------------------------------------------------------------ content

  private refreshSoon(delay = UPDATE_DEBOUNCE_MS): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /**
   * Asks the server for the content and shows it. One request at a time: changes during a
   * request (typing in a plan of thousands of entries) make one more request afterwards.
   */
  /**
   * "What this change does" against the last commit on top of the preview, or not. The
   * server runs git (service/change.ts), as the CLI's `report --base HEAD` does.
   */
  private toggleChanges(): Promise<void> {
    this.base = this.base ? undefined : 'HEAD';
    return this.refresh();
  }

  private async refresh(): Promise<void> {
    clearTimeout(this.timer);
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.request().finally(() => {
      this.inFlight = undefined;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.inFlight;
  }

  private async request(): Promise<void> {
    const panel = this.panel;
    const uri = this.docUri;
    if (!panel || !uri) return;
    let result: PreviewResult | null = null;
    try {
      const client = await this.client();
      if (client)
        result = await client.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, {
          uri: client.code2ProtocolConverter.asUri(uri),
          ...(this.base ? { base: this.base } : {}),
        });
    } catch {
      result = null;
    }
    // The panel closed, or it follows another document by now (the next request shows that).
    if (panel !== this.panel || uri.toString() !== this.docUri?.toString()) {
      this.again = true;
      return;
    }
    if (!result || typeof result.html !== 'string' || !result.model) {
      // Keep what is shown; say so only when there is nothing yet.
      if (!this.last)
        this.setPage(
          panel,
          uri,
          unavailable(vscode.l10n.t('The preview is not available: the stratdoc language server is not running. See the output of stratdoc.')),
          vscode.env.language,
        );
      return;
    }
    this.show(panel, uri, result);
  }

  private show(panel: vscode.WebviewPanel, uri: vscode.Uri, result: PreviewResult): void {
    const key = uri.toString();
    const docs = this.modelUris(result.model);
    this.lastUris = docs;
    try {
      this.lastRoot = result.model.root ? vscode.Uri.parse(result.model.root, true).toString() : '';
    } catch {
      this.lastRoot = '';
    }
    const isDocument = !!(result.model.strategy || result.model.plans?.length);
    let changed = false;
    if (isDocument) for (const d of docs.values()) changed = this.remember(d) || changed;
    else changed = this.forget(key);
    if (changed) this.publishDocuments();
    panel.title = this.titleFor(uri);
    const before = this.last;
    if (before && before.uri === key && before.html === result.html && this.pageSeq) {
      this.last = { ...before, model: result.model };
      return;
    }
    const seq = ++this.seq;
    this.last = { uri: key, model: result.model, html: result.html, seq };
    const resetScroll = !!before && projectOf(before.model) !== projectOf(result.model);
    if (this.pageSeq && panel.visible) {
      const message: ToWebview = { type: 'update', seq, uri: key, html: result.html, resetScroll };
      void panel.webview.postMessage(message);
    } else {
      // The first content, or a hidden panel (its webview is gone; it loads this page when shown).
      this.setPage(panel, uri, result.html, result.model.lang, seq);
    }
  }

  private setPage(panel: vscode.WebviewPanel, uri: vscode.Uri, body: string, lang: string, seq = 0): void {
    this.pageSeq = seq;
    panel.webview.html = previewPage({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(this.scriptFile).toString(),
      nonce: makeNonce(),
      body,
      uri: uri.toString(),
      seq,
      lang,
      title: panel.title,
    });
  }

  // ------------------------------------------------------------------ messages

  private async onMessage(raw: unknown, fromApi: boolean): Promise<void> {
    const m = raw as Partial<FromWebview> & Record<string, unknown>;
    if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
    switch (m.type) {
      case 'ready': {
        // A page (re)loaded: when it holds older content than the last, send the last.
        const panel = this.panel;
        if (panel && this.last && Number(m.seq) !== this.last.seq) {
          const message: ToWebview = { type: 'update', seq: this.last.seq, uri: this.last.uri, html: this.last.html, resetScroll: false };
          void panel.webview.postMessage(message);
        }
        return;
      }
      case 'rendered':
        if (!fromApi && m.facts && typeof m.facts === 'object') this.lastFacts = m.facts;
        return;
      case 'reveal': {
        const uri = this.documentOf(m.uri);
        if (uri) await this.reveal(uri, num(m.line), num(m.character));
        return;
      }
      case 'insert': {
        const uri = this.documentOf(m.uri);
        if (uri) await this.explainMissing(uri, num(m.line), num(m.character), String(m.section ?? ''));
        return;
      }
      case 'export':
        await this.exportPlan(m.format);
        return;
      case 'link': {
        const href = safeHttpUrl(typeof m.href === 'string' ? m.href : undefined);
        if (href) await vscode.env.openExternal(vscode.Uri.parse(href, true));
        return;
      }
      default:
        return;
    }
  }

  /**
   * The preview's export buttons: the server makes the .ics or .csv text of the shown
   * project (`stratdoc/export`), the user picks where it goes; a document of the project
   * is never overwritten. Returns the file written, if any.
   */
  private async exportPlan(format: unknown): Promise<vscode.Uri | undefined> {
    const uri = this.docUri;
    if ((format !== 'ics' && format !== 'csv') || !uri) return undefined;
    let result: { text: string; fileName: string; entries: number } | null = null;
    try {
      const client = await this.client();
      if (client) result = await client.sendRequest(EXPORT_REQUEST, { uri: client.code2ProtocolConverter.asUri(uri), format });
    } catch {
      result = null;
    }
    if (!result || typeof result.text !== 'string') {
      void vscode.window.showWarningMessage(vscode.l10n.t('There is nothing to export: this project has no editorial plan.'));
      return undefined;
    }
    const fileName = String(result.fileName).replace(/[\\/]/g, '_');
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(uri, '..', fileName),
      filters: format === 'ics' ? { [vscode.l10n.t('Calendar')]: ['ics'] } : { [vscode.l10n.t('Table')]: ['csv'] },
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!target) return undefined;
    if (this.lastUris.has(target.toString()) || target.toString() === uri.toString()) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is a document of this project; choose another file.', vscode.workspace.asRelativePath(target)));
      return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} entries to {1}.', result.entries, vscode.workspace.asRelativePath(target)));
    return target;
  }

  /** A URI from the webview, only when it is a document of the shown project. */
  private documentOf(u: unknown): vscode.Uri | undefined {
    if (typeof u !== 'string' || !this.last) return undefined;
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(u, true);
    } catch {
      return undefined;
    }
    return this.lastUris.has(uri.toString()) ? uri : undefined;
  }

  /** The column to show a document in: where it is open, else where the preview's document was, else beside the preview. */
  private columnFor(uri: vscode.Uri): vscode.ViewColumn {
    const previewColumn = this.panel?.viewColumn;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString() && e.viewColumn !== undefined);
    if (visible?.viewColumn) return visible.viewColumn;
    if (this.sourceColumn && this.sourceColumn !== previewColumn) return this.sourceColumn;
    const other = vscode.window.visibleTextEditors.find((e) => e.viewColumn !== undefined && e.viewColumn !== previewColumn);
    if (other?.viewColumn) return other.viewColumn;
    return previewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
  }

  private async reveal(uri: vscode.Uri, line: number, character: number): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const pos = doc.validatePosition(new vscode.Position(line, character));
    const range = new vscode.Range(pos, pos);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: this.columnFor(uri), selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  private missingSection(key: string): PreviewSection | undefined {
    const m = this.last?.model;
    if (!m) return undefined;
    return [...(m.steps ?? []), ...(m.others ?? [])].find((s) => s.key === key && s.state === 'missing');
  }

  /** A click on a missing step: the editor at the place it would go, and a message that says so (with "Insert"). */
  private async explainMissing(uri: vscode.Uri, line: number, character: number, key: string): Promise<void> {
    const section = this.missingSection(key);
    const at = section?.insert?.position ?? { line, character };
    await this.reveal(uri, at.line, at.character);
    if (!section) return;
    const heading = section.insert?.heading ?? section.label;
    const message = section.step
      ? vscode.l10n.t('Step {0} ({1}) is missing. It would go here, at line {2}: "{3}"', section.step, section.label, at.line + 1, heading)
      : vscode.l10n.t('{0} is missing. It would go here, at line {1}: "{2}"', section.label, at.line + 1, heading);
    const action = section.insert ? await this.insertAction(uri, section) : undefined;
    const insert = vscode.l10n.t('Insert');
    // Not awaited by the click: the message stays until the user answers or closes it.
    void vscode.window.showInformationMessage(message, ...(action ? [insert] : [])).then(async (choice) => {
      if (choice === insert && action) await this.apply(uri, action, section);
    });
  }

  private async insertSection(key: string): Promise<boolean> {
    const section = this.missingSection(key);
    const u = section?.insert?.uri;
    const uri = u ? this.documentOf(u) : undefined;
    if (!section || !uri) return false;
    const action = await this.insertAction(uri, section);
    return action ? this.apply(uri, action, section) : false;
  }

  /** The quick fix (missing-step, missing-governance, …) that inserts this section where the preview says. */
  private async insertAction(uri: vscode.Uri, section: PreviewSection): Promise<vscode.CodeAction | undefined> {
    const insert = section.insert;
    if (!insert) return undefined;
    let doc: vscode.TextDocument;
    let actions: (vscode.CodeAction | vscode.Command)[] | undefined;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
      const all = new vscode.Range(0, 0, doc.lineCount, 0);
      actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        uri,
        all,
        vscode.CodeActionKind.QuickFix.value,
      );
    } catch {
      return undefined;
    }
    const pos = new vscode.Position(insert.position.line, insert.position.character);
    const inserting = (a: vscode.CodeAction) => (a.edit?.get(uri) ?? []).filter((e) => e.range.start.isEqual(pos) && e.range.isEmpty);
    const candidates = (actions ?? []).filter(
      (a): a is vscode.CodeAction => typeof (a as vscode.CodeAction).edit?.get === 'function' && inserting(a as vscode.CodeAction).length > 0,
    );
    const heading = insert.heading.replace(/^#+\s*/, '').trim();
    return candidates.find((a) => inserting(a).some((e) => e.newText.includes(heading))) ?? (candidates.length === 1 ? candidates[0] : undefined);
  }

  private async apply(uri: vscode.Uri, action: vscode.CodeAction, section: PreviewSection): Promise<boolean> {
    if (!action.edit || !(await vscode.workspace.applyEdit(action.edit))) return false;
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
    const at = section.insert?.position;
    if (at) {
      const doc = await vscode.workspace.openTextDocument(uri);
      // The inserted heading: the first line from the insertion point that holds it.
      const heading = (section.insert?.heading ?? '').replace(/^#+\s*/, '').trim();
      let line = at.line;
      for (let l = at.line; l < Math.min(doc.lineCount, at.line + 4); l++) {
        if (heading && doc.lineAt(l).text.includes(heading)) {
          line = l;
          break;
        }
      }
      await this.reveal(uri, line, 0);
    }
    this.refreshSoon(0);
    return true;
  }

  private async showSource(): Promise<void> {
    const uri = this.docUri;
    if (!uri) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: this.columnFor(uri) });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.panelDisposables) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Which project a model shows (its strategy, else its first plan, else the file). */
function projectOf(m: PreviewModel): string {
  return m.strategy?.uri ?? m.plans?.[0]?.uri ?? m.focusUri ?? '';
}

function num(v: unknown): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n < 10_000_000 ? n : 0;
}
