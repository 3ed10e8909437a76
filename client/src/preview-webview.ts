/**
 * The preview webview's only script (bundled to dist/preview-webview.js, loaded with the
 * page's nonce). It swaps in the fragment the extension sends, keeps the scroll position,
 * remembers the document in the webview state (for the serializer after a reload), and
 * forwards clicks on `[data-action]` places and on links to the extension. It never
 * evaluates anything from the documents: the fragment is escaped HTML without scripts or
 * handlers (server/src/preview/html.ts), and the page's CSP allows only this file.
 *
 * tsconfig has no DOM library (the rest of the project is Node), so the little of the
 * DOM used here is declared below.
 */
import type { FromWebview, RenderFacts, ToWebview, WebviewState } from '../../shared/webview';

interface El {
  closest(selector: string): El | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  innerHTML: string;
  textContent: string | null;
  className: string;
}
interface DomEvent {
  target: unknown;
  data?: unknown;
  preventDefault(): void;
  stopPropagation(): void;
}
interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
declare const document: {
  body: El;
  getElementById(id: string): El | null;
  addEventListener(type: string, listener: (e: DomEvent) => void, capture?: boolean): void;
};
declare const window: {
  scrollY: number;
  scrollTo(x: number, y: number): void;
  addEventListener(type: string, listener: (e: DomEvent) => void, options?: { passive?: boolean }): void;
  removeEventListener(type: string, listener: (e: DomEvent) => void): void;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
  getComputedStyle(el: El): { display: string };
};

const vscode = acquireVsCodeApi();
const root = document.getElementById('stratdoc-preview');

function readState(): WebviewState | undefined {
  const s = vscode.getState() as Partial<WebviewState> | undefined;
  return s && typeof s.uri === 'string' ? { uri: s.uri, scrollY: Number(s.scrollY) || 0, loads: Number(s.loads) || 0 } : undefined;
}

let uri = document.body.getAttribute('data-uri') ?? '';
let seq = Number(document.body.getAttribute('data-seq')) || 0;
let updates = 0;
const prior = readState();
const loads = (prior?.loads ?? 0) + 1;

function save(): void {
  // While the old position is being restored, that is the position.
  vscode.setState({ uri, scrollY: restoring ? restoreTarget : window.scrollY, loads });
}

function facts(): RenderFacts {
  const steps = root ? Array.from(root.querySelectorAll('.sd-stepper > .sd-step')) : [];
  const dot = root?.querySelector('.sd-dot') ?? root?.querySelector('.sd-tile');
  const theme = document.body.className
    .split(/\s+/)
    .filter((c) => /^vscode-(light|dark|high-contrast)/.test(c))
    .join(' ');
  return {
    seq,
    uri,
    steps: steps.length,
    states: steps.map((s) => s.getAttribute('data-state') ?? ''),
    title: root?.querySelector('.sd-title')?.textContent?.trim() ?? '',
    missing: root ? root.querySelectorAll('.sd-missing li').length : 0,
    theme,
    styled: !!dot && /flex|grid|block/.test(window.getComputedStyle(dot).display),
    loads,
    updates,
    scrollY: window.scrollY,
  };
}

function report(): void {
  vscode.postMessage({ type: 'rendered', facts: facts() });
}

/**
 * After a reload (or the panel being shown again) the same document starts where it was.
 * The frame may have no size yet when the script runs, so this tries again as the page
 * loads and resizes, for a moment, until the user scrolls.
 */
function restoreScroll(y: number): void {
  let tries = 0;
  const attempt = () => {
    window.scrollTo(0, y);
    if (Math.abs(window.scrollY - y) < 2 || ++tries > 40) stop();
  };
  const stop = () => {
    restoring = false;
    window.removeEventListener('load', attempt);
    window.removeEventListener('resize', attempt);
    window.clearTimeout(timer);
  };
  let timer: number | undefined;
  const again = () => {
    attempt();
    if (restoring) timer = window.setTimeout(again, 50);
  };
  restoring = true;
  restoreTarget = y;
  window.addEventListener('load', attempt);
  window.addEventListener('resize', attempt);
  again();
  for (const ev of ['wheel', 'keydown', 'mousedown', 'touchstart']) window.addEventListener(ev, stop, { passive: true });
}
let restoring = false;
let restoreTarget = 0;
if (prior && prior.uri === uri && prior.scrollY > 0) restoreScroll(prior.scrollY);
save();

window.addEventListener('message', (e) => {
  const m = e.data as ToWebview | undefined;
  if (!root || !m || m.type !== 'update' || typeof m.html !== 'string' || typeof m.uri !== 'string') return;
  const y = m.resetScroll ? 0 : window.scrollY;
  root.innerHTML = m.html;
  uri = m.uri;
  seq = Number(m.seq) || 0;
  updates++;
  document.body.setAttribute('data-uri', uri);
  document.body.setAttribute('data-seq', String(seq));
  window.scrollTo(0, y);
  save();
  report();
});

let saving: number | undefined;
window.addEventListener(
  'scroll',
  () => {
    if (restoring) return;
    window.clearTimeout(saving);
    saving = window.setTimeout(save, 100);
  },
  { passive: true },
);

const int = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : 0;
};

// In the capture phase on the document: before VS Code's own link handling on the window.
document.addEventListener(
  'click',
  (e) => {
    const target = e.target as Partial<El> | null;
    if (!target || typeof target.closest !== 'function') return;
    const link = target.closest('a[href]');
    if (link) {
      // Opened (or not) by the extension: http(s) only.
      e.preventDefault();
      e.stopPropagation();
      vscode.postMessage({ type: 'link', href: link.getAttribute('href') ?? '' });
      return;
    }
    const place = target.closest('[data-action]');
    if (!place) return;
    const action = place.getAttribute('data-action');
    const at = { uri: place.getAttribute('data-uri') ?? '', line: int(place.getAttribute('data-line')), character: int(place.getAttribute('data-character')) };
    if (action === 'reveal') vscode.postMessage({ type: 'reveal', ...at });
    else if (action === 'insert') vscode.postMessage({ type: 'insert', ...at, section: place.getAttribute('data-section') ?? '' });
    else if (action === 'export') {
      const format = place.getAttribute('data-format');
      if (format === 'ics' || format === 'csv') vscode.postMessage({ type: 'export', format });
    } else return;
    e.preventDefault();
  },
  true,
);

report();
vscode.postMessage({ type: 'ready', seq });
