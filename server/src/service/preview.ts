/**
 * The VS Code preview's content (custom request `stratdoc/preview`): the preview model of
 * the project a document belongs to, and its HTML fragment, rendered here with the one
 * renderer the report uses. The findings are the server's current ones, the same the
 * editor shows as diagnostics, so the preview and the Problems panel never disagree.
 *
 * The server renders, not the webview: the webview's script then only swaps the fragment
 * in and forwards clicks, the renderer (and everything it escapes) is tested in one place,
 * and any other editor can show the same preview from the same request.
 */
import { buildPreviewFor, previewLanguage } from '../preview/model';
import { renderPreviewBody } from '../preview/html';
import type { ResolvedConfig } from '../core/config';
import type { Finding } from '../core/engine';
import type { ServiceContext } from './context';
import { previewChange } from './change';

import type { PreviewResult } from '../../../shared/preview';

export { PREVIEW_REQUEST } from '../../../shared/protocol';
export type { PreviewResult } from '../../../shared/preview';

export interface PreviewParams {
  /** The document the preview is for (any URI: a file that is no strategy or plan gets a model that says so). */
  uri: string;
}

/**
 * The preview for the project of `uri`. Never null: a URI the server does not know (no
 * document, not a strategy or plan, excluded) gets a model that says plainly what is missing.
 *
 * Language: the strategy's `language`, else the plans' own, else the configured one
 * (`stratdoc.language` or `.stratdoc.yaml`), else the editor's display language: the
 * same fallback as the diagnostics, where the report (without an editor) falls back to English.
 */
export function preview(ctx: ServiceContext, uri: string, base?: string): PreviewResult {
  const configs = ctx.ws.configs;
  const configFor = (u: string): ResolvedConfig => configs.forDocument(u);
  const doc = ctx.ws.get(uri);
  const project = doc ? ctx.ws.projectOf(uri) : undefined;
  let findings: Finding[] = [];
  if (project) {
    const all = ctx.findings();
    const seen = new Set<string>();
    for (const d of project.documents) {
      if (seen.has(d.uri)) continue;
      seen.add(d.uri);
      findings = findings.concat(all.get(d.uri) ?? []);
    }
  }
  const lang = project ? previewLanguage(project, (u) => ({ ...configFor(u), language: ctx.lang(u) })) : ctx.lang(uri);
  const model = buildPreviewFor(ctx.ws, uri, { today: ctx.today(), lang, configFor, findings });
  const html = renderPreviewBody(model, { theme: 'vscode' });
  return { model, html: project && base ? previewChange(ctx, project, base, lang) + html : html };
}
