/**
 * The messages between the preview's webview script (preview-webview.ts) and the
 * extension (client/src/preview.ts). Both sides import it; it imports nothing, so neither
 * bundle pulls in the server's core. The server's request names are in ./protocol.ts.
 */

/** Extension → webview: replace the preview's content (no page reload). */
export interface UpdateMessage {
  type: 'update';
  /** Increases with every content the extension sends; the webview reports it back. */
  seq: number;
  /** The document the preview follows (for the serializer's state). */
  uri: string;
  /** The fragment from the server (`stratdoc/preview`), escaped there. */
  html: string;
  /** Another project than before: start at the top; otherwise the scroll position is kept. */
  resetScroll: boolean;
}

export type ToWebview = UpdateMessage;

/** What the webview sees in its own DOM after a render (for tests and end-to-end checks). */
export interface RenderFacts {
  seq: number;
  /** The document the page shows. */
  uri: string;
  /** Steps in the stepper (`.sd-stepper > .sd-step`): 8 for a strategy or a plan. */
  steps: number;
  /** Their `data-state`: complete, thin, missing. */
  states: string[];
  /** Text of `.sd-title`. */
  title: string;
  /** Items of "What is missing". */
  missing: number;
  /** VS Code's theme class on the body: vscode-light, vscode-dark, vscode-high-contrast(-light). */
  theme: string;
  /** The nonce'd style sheet applies (the CSP let it in). */
  styled: boolean;
  /** Page loads of this webview so far (kept in its state): updates do not reload the page. */
  loads: number;
  /** Updates received since the page loaded. */
  updates: number;
  scrollY: number;
}

/** Webview → extension. Everything in these is checked before it is used. */
export type FromWebview =
  | { type: 'ready'; seq: number }
  | { type: 'rendered'; facts: RenderFacts }
  | { type: 'reveal'; uri: string; line: number; character: number }
  | { type: 'insert'; uri: string; line: number; character: number; section: string }
  | { type: 'link'; href: string }
  | { type: 'export'; format: 'ics' | 'csv' };

/** The webview's state (`getState`/`setState`), which VS Code hands to the serializer after a reload. */
export interface WebviewState {
  uri: string;
  scrollY: number;
  loads: number;
}
