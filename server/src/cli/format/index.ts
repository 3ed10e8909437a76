/** The output formats of `stratdoc check`. Each turns the sorted diagnostics into stdout text. */
import type { Lang } from '../../core/text';
import type { CliDiagnostic, Counts } from '../../node/diagnostics';
import { formatStylish } from './stylish';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatGithub } from './github';
import { formatMarkdown } from './markdown';
import type { BaselineFinding } from '../../node/baseline';
import type { PlanChange } from '../../core/change';
import type { Linker } from '../../preview/change';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'] as const;
export type FormatName = (typeof FORMATS)[number];

export function isFormat(v: string): v is FormatName {
  return (FORMATS as readonly string[]).includes(v);
}

export interface FormatContext {
  lang: Lang;
  colour: boolean;
  /** How many documents were checked (for the line of a clean run). */
  documents: number;
  counts: Counts;
  quiet: boolean;
  version: string;
  /** Files that look like a plan or strategy but have no marker (rule unmarked-document): not checked. */
  unmarked?: string[];
  /** Every finding after --quiet, with `status` against a baseline (json and sarif show them all). */
  all: CliDiagnostic[];
  /** Against a baseline: what was fixed, how many are unchanged, the revision if any. */
  baseline?: { fixed: BaselineFinding[]; unchanged: number; since?: string };
  /** With --changed-since: what the change does to the plans (markdown). */
  change?: PlanChange;
  /** A link to a line of a file (markdown). */
  link: Linker;
}

/**
 * The output in pieces, in order: stylish, json, sarif and github give a piece per finding,
 * so a run with thousands of findings never holds its whole output text at once
 * (docs/decisions.md "Memory"); markdown, at most MAX_ROWS findings, one piece.
 */
export function format(name: FormatName, diagnostics: CliDiagnostic[], ctx: FormatContext): Iterable<string> {
  switch (name) {
    case 'stylish':
      return formatStylish(diagnostics, ctx);
    case 'json':
      return formatJson(ctx.all);
    case 'sarif':
      return formatSarif(ctx.all, ctx);
    case 'github':
      return formatGithub(diagnostics);
    case 'markdown':
      return [formatMarkdown(diagnostics, ctx)];
  }
}

/** Pieces gathered up to this many characters before each write: few writes, no whole text. */
const WRITE_CHARS = 1 << 16;

/** Writes the pieces through `write`, a batch of about WRITE_CHARS characters at a time. */
export function writePieces(pieces: Iterable<string>, write: (s: string) => void): void {
  let batch = '';
  for (const p of pieces) {
    batch += p;
    if (batch.length >= WRITE_CHARS) {
      write(batch);
      batch = '';
    }
  }
  if (batch) write(batch);
}
