/**
 * The preview as the extension sees it: the model's types, the answer to
 * `stratdoc/preview`, and the style sheet and escaping the webview page uses. The server
 * builds and renders the preview (server/src/preview/); the extension only shows it.
 */
import type { PreviewModel } from '../server/src/preview/types';

export type { PreviewModel, PreviewSection } from '../server/src/preview/types';
export { safeHttpUrl } from '../server/src/preview/types';
export { PREVIEW_CSS } from '../server/src/preview/css';
export { esc } from '../server/src/preview/html-base';

/** The answer to `stratdoc/preview` (shared/protocol.ts `PREVIEW_REQUEST`). */
export interface PreviewResult {
  model: PreviewModel;
  /** `renderPreviewBody(model, { theme: 'vscode' })`: escaped, no script, no inline handler, no style attribute. */
  html: string;
}
