/**
 * `stratdoc/export` (custom request): the entries of a document's project as an iCalendar
 * or CSV text (core/export.ts), for the preview's export buttons. The server only makes
 * the text; the extension asks the user where to save it, so nothing is written unasked.
 */
import { exportRows, toCsv, toIcs, type ExportFormat } from '../core/export';
import { basenameUri } from '../core/uri';
import type { ServiceContext } from './context';

export { EXPORT_REQUEST } from '../../../shared/protocol';

export interface ExportParams {
  uri: string;
  format: ExportFormat;
}

export interface ExportResult {
  text: string;
  /** A file name to offer: the strategy's (or plan's) name with the format's extension. */
  fileName: string;
  /** Entries exported (dated ones for a calendar). */
  entries: number;
}

export function exportPlan(ctx: ServiceContext, uri: string, format: unknown): ExportResult | null {
  if (format !== 'ics' && format !== 'csv') return null;
  const project = ctx.ws.projectOf(uri);
  if (!project || !project.plans.length) return null;
  const rows = exportRows([project]);
  const home = project.strategy ?? project.plans[0];
  const lang = project.plans[0].language ?? home.language ?? ctx.lang(uri);
  const text = format === 'ics' ? toIcs(rows, { name: home.title ?? 'stratdoc', lang, stamp: new Date() }) : toCsv(rows, lang);
  const base = basenameUri(home.uri).replace(/\.(strategy|plan)?\.?(md|markdown|ya?ml)$/i, '') || 'plan';
  return { text, fileName: `${base}.${format}`, entries: format === 'ics' ? rows.filter((r) => r.entry.isoDate).length : rows.length };
}
