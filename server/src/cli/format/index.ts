/** The output formats of `stratdoc check`. Each turns the sorted diagnostics into stdout text. */
import type { Lang } from '../../core/text';
import type { CliDiagnostic, Counts } from '../diagnostics';
import { formatStylish } from './stylish';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatGithub } from './github';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
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
}

export function format(name: FormatName, diagnostics: CliDiagnostic[], ctx: FormatContext): string {
  switch (name) {
    case 'stylish':
      return formatStylish(diagnostics, ctx);
    case 'json':
      return formatJson(diagnostics);
    case 'sarif':
      return formatSarif(diagnostics, ctx);
    case 'github':
      return formatGithub(diagnostics);
  }
}
