/**
 * The status bar item: for the active editor's document, the server's
 * `stratdoc/planStatus` (push share of a plan, number of problems). Hidden for every
 * other file. Refreshed, debounced, when the editor, the document or its diagnostics change.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PLAN_STATUS_REQUEST } from '../../shared/protocol';
import { presentStatus, type PlanStatus } from './statusText';
const DEBOUNCE_MS = 250;

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older requests are dropped. */
  private generation = 0;
  private visible = false;

  /** `onStatus`: the answer for each active document (null: no strategy or plan), e.g. for the preview. */
  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly onStatus?: (uri: vscode.Uri, status: PlanStatus | null) => void,
  ) {
    this.item = vscode.window.createStatusBarItem('stratdoc.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'stratdoc';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = this.activeUri();
        if (active && e.uris.some((u) => u.toString() === active)) this.refreshSoon();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.activeUri()) this.refreshSoon(DEBOUNCE_MS * 2);
      }),
    );
  }

  /** The text shown, or undefined while the item is hidden. */
  shownText(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private activeUri(): string | undefined {
    return vscode.window.activeTextEditor?.document.uri.toString();
  }

  refreshSoon(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  async refresh(): Promise<void> {
    const gen = ++this.generation;
    const uri = this.activeUri();
    const client = this.client();
    if (!uri || !client) {
      this.hide();
      return;
    }
    let status: PlanStatus | null = null;
    try {
      status = await client.sendRequest<PlanStatus | null>(PLAN_STATUS_REQUEST, { uri });
    } catch {
      status = null;
    }
    if (gen !== this.generation) return;
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && active.toString() === uri) this.onStatus?.(active, status);
    if (!status) {
      this.hide();
      return;
    }
    const shown = presentStatus(status);
    this.item.text = shown.text;
    const tooltip = new vscode.MarkdownString(shown.tooltip, true);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: shown.text.replace(/\$\([a-z-]+\)\s*/g, '') };
    this.item.show();
    this.visible = true;
  }

  private hide(): void {
    this.item.hide();
    this.visible = false;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
