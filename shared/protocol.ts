/**
 * What the extension and the language server say to each other, defined once: the names
 * of the custom requests, the status bar's figures and the configuration file names
 * (docs/ARCHITECTURE.md "Layers"). This module imports nothing, so every side (core,
 * server, CLI, extension, webview) can use it without pulling anything else in.
 */

/** `stratdoc/preview`: the preview model and HTML of a document's project (server/src/service/preview.ts). */
export const PREVIEW_REQUEST = 'stratdoc/preview';

/** `stratdoc/export`: the plan as .ics or .csv text (server/src/service/export.ts). */
export const EXPORT_REQUEST = 'stratdoc/export';

/** `stratdoc/planStatus`: the status bar's figures for the active document (server/src/service/status.ts). */
export const PLAN_STATUS_REQUEST = 'stratdoc/planStatus';

/** The answer to `stratdoc/planStatus`. */
export interface PlanStatus {
  kind: 'strategy' | 'plan';
  /** Push share of the plan's entries (0–1), plans only. */
  pushShare?: number;
  entries?: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Names of the configuration file, in the order they are looked for (docs/format.md). */
export const CONFIG_FILES: readonly string[] = ['.stratdoc.yaml', '.stratdoc.yml'];

/** The configuration file name written when stratdoc creates one. */
export const CONFIG_FILE = '.stratdoc.yaml';
