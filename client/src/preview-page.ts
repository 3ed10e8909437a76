/**
 * The preview webview's page: a strict Content-Security-Policy with a nonce, the
 * renderer's style sheet (and the few webview rules below) in one nonce'd style element,
 * the server's fragment, and one nonce'd script file from the extension's dist/ folder.
 * Pure (no `vscode`), so it can be checked outside VS Code.
 */
import { randomBytes } from 'node:crypto';
import { PREVIEW_CSS, esc } from '../../shared/preview';

/**
 * The webview's own rules on top of PREVIEW_CSS (`data-theme="vscode"` takes the colours
 * of the VS Code theme from its `--vscode-*` variables): page margins, and mode colours
 * and borders per kind of theme, from the body class VS Code sets (`vscode-light`,
 * `vscode-dark`, `vscode-high-contrast`, and `vscode-high-contrast-light` together with
 * `vscode-high-contrast`; later rules win).
 */
export const WEBVIEW_CSS = `
html, body { margin: 0; padding: 0; background: var(--vscode-editor-background); }
#stratdoc-preview > .sd { padding: 20px 28px 56px; min-height: 100vh; max-width: 1280px; }
.sd a:focus-visible, .sd button:focus-visible { outline-color: var(--vscode-focusBorder, var(--accent)); }
body.vscode-dark .sd[data-theme="vscode"] {
  --m-push: #ef7b57; --m-mixed: #f0ad55; --m-story: #a985d9; --m-dialog: #5b9fe6; --m-service: #3bb7a6;
  --m-people: #d8b441; --m-ugc: #e07bb5; --m-unknown: #7d838b; --m-ink: #111318; --m-ink-dark: #111318;
  color-scheme: dark;
}
body.vscode-light .sd[data-theme="vscode"] { color-scheme: light; }
body.vscode-high-contrast .sd[data-theme="vscode"] {
  --line: var(--vscode-contrastBorder, #6fc3df); --card: var(--vscode-editor-background, #000); --soft: var(--vscode-editor-background, #000);
  --track: var(--vscode-editor-background, #000); --track-line: var(--vscode-contrastBorder, #6fc3df); --tick: var(--vscode-contrastBorder, #6fc3df);
  --ok-soft: transparent; --warn-soft: transparent; --bad-soft: transparent; --accent-soft: transparent;
  --m-push: #ff7a4d; --m-mixed: #ffb347; --m-story: #c9a0ff; --m-dialog: #6cb6ff; --m-service: #40e0c8;
  --m-people: #ffe14d; --m-ugc: #ff8fd0; --m-unknown: #c0c0c0; --m-ink: #000; --m-ink-dark: #000;
  color-scheme: dark;
}
body.vscode-high-contrast-light .sd[data-theme="vscode"] {
  --line: var(--vscode-contrastBorder, #0f4a85); --card: var(--vscode-editor-background, #fff); --soft: var(--vscode-editor-background, #fff);
  --track: var(--vscode-editor-background, #fff); --track-line: var(--vscode-contrastBorder, #0f4a85); --tick: var(--vscode-contrastBorder, #0f4a85);
  --m-push: #b33a12; --m-mixed: #8a5a00; --m-story: #5b2a99; --m-dialog: #0b4fa0; --m-service: #006b5e;
  --m-people: #6b5800; --m-ugc: #99205f; --m-unknown: #444; --m-ink: #fff; --m-ink-dark: #fff;
  color-scheme: light;
}
body.vscode-high-contrast .sd-tile, body.vscode-high-contrast .sd-group, body.vscode-high-contrast .sd-month,
body.vscode-high-contrast .sd-goal, body.vscode-high-contrast .sd-chart, body.vscode-high-contrast .sd-overall { border-width: 1px; border-style: solid; }
body.vscode-high-contrast .sd-missing { background: transparent; }
.sd-unavailable { padding: 20px 28px; color: var(--vscode-descriptionForeground); }
`;

export interface PageOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri(dist/preview-webview.js)`, as a string. */
  scriptUri: string;
  nonce: string;
  /** The fragment: the server's `html` (escaped there), or `unavailable()`. */
  body: string;
  /** The document the preview follows. */
  uri: string;
  /** The content's number (reported back by the script). */
  seq: number;
  lang: string;
  title: string;
}

/** A fresh nonce for each page. */
export function makeNonce(): string {
  return randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource} data:;`;
}

export function previewPage(o: PageOptions): string {
  const nonce = o.nonce.replace(/[^A-Za-z0-9+/=]/g, '');
  // cspSource comes from VS Code ("'self' https://*.vscode-cdn.net"); the attribute escaping keeps its quotes.
  const csp = contentSecurityPolicy(o.cspSource, nonce);
  const lang = o.lang === 'de' ? 'de' : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<style nonce="${nonce}">${PREVIEW_CSS}${WEBVIEW_CSS}</style>
</head>
<body data-uri="${esc(o.uri)}" data-seq="${Math.max(0, Math.floor(Number(o.seq) || 0))}">
<main id="stratdoc-preview">${o.body}</main>
<script nonce="${nonce}" src="${esc(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** The page's content when the server gives none (not running, or the request failed). */
export function unavailable(message: string): string {
  return `<div class="sd sd-unavailable" data-theme="vscode"><p>${esc(message)}</p></div>`;
}
