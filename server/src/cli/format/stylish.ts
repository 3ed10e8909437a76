/**
 * `--format stylish` (the default), in the manner of eslint: per file a header, then a row
 * per diagnostic (`line:col  severity  message  rule`, columns aligned within the file),
 * then a summary line; a short positive line when there is nothing to report.
 */
import type { CliDiagnostic } from '../../node/diagnostics';
import { M } from '../messages';
import type { FormatContext } from './index';

const ESC = '\x1b[';
const style = {
  bold: (s: string) => `${ESC}1m${s}${ESC}22m`,
  dim: (s: string) => `${ESC}2m${s}${ESC}22m`,
  underline: (s: string) => `${ESC}4m${s}${ESC}24m`,
  red: (s: string) => `${ESC}31m${s}${ESC}39m`,
  yellow: (s: string) => `${ESC}33m${s}${ESC}39m`,
  blue: (s: string) => `${ESC}34m${s}${ESC}39m`,
  green: (s: string) => `${ESC}32m${s}${ESC}39m`,
};

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - s.length));
}

/** The text in pieces (a line at a time), each written as it is made (cli/format/index.ts). */
export function* formatStylish(diagnostics: CliDiagnostic[], ctx: FormatContext): Generator<string> {
  const c = ctx.colour;
  const paint = (fn: (s: string) => string, s: string) => (c ? fn(s) : s);
  const lang = ctx.lang;
  const byFile = new Map<string, CliDiagnostic[]>();
  for (const d of diagnostics) {
    const l = byFile.get(d.file);
    if (l) l.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, list] of byFile) {
    yield paint(style.underline, file) + '\n';
    const rows = list.map((d) => ({
      pos: `${d.line}:${d.column}`,
      sev: M.severityWord(d.severity)[lang],
      severity: d.severity,
      msg: d.message.replace(/\s*[\r\n]+\s*/g, ' '),
      rule: d.rule,
    }));
    const wPos = Math.max(...rows.map((r) => r.pos.length));
    const wSev = Math.max(...rows.map((r) => r.sev.length));
    const wMsg = Math.max(...rows.map((r) => r.msg.length));
    for (const r of rows) {
      const colourOf = r.severity === 'error' ? style.red : r.severity === 'warning' ? style.yellow : r.severity === 'information' ? style.blue : style.dim;
      yield `  ${paint(style.dim, pad(r.pos, wPos))}  ${paint(colourOf, pad(r.sev, wSev))}  ${pad(r.msg, wMsg)}  ${paint(style.dim, r.rule)}`.trimEnd() + '\n';
    }
    yield '\n';
  }
  // The last line names the files that were not checked because they have no marker, so
  // that "not read" never looks like "all fine" (docs/cli.md).
  const unmarked = ctx.unmarked?.length ? paint(style.blue, `ℹ ${M.unmarkedFiles(ctx.unmarked)[lang]}`) + '\n' : '';
  const k = ctx.counts;
  const total = k.error + k.warning + k.information + k.hint;
  // Against a baseline: what was fixed and how many old findings were not shown.
  const b = ctx.baseline;
  const tail = b ? '\n' + paint(style.dim, M.baselineSummary(b.fixed.length, b.unchanged, b.since)[lang]) + '\n' : '';
  if (b && total === 0) {
    yield paint(style.green, `✔ ${M.noNewProblems(ctx.documents)[lang]}`) + '\n' + tail + unmarked;
    return;
  }
  if (total === 0) {
    if (ctx.documents === 0) yield M.noDocuments()[lang] + '\n' + unmarked;
    else yield paint(style.green, `✔ ${(ctx.quiet ? M.cleanQuiet(ctx.documents) : M.clean(ctx.documents))[lang]}`) + '\n' + unmarked;
    return;
  }
  const parts = [M.errors(k.error)[lang], M.warnings(k.warning)[lang]];
  if (k.information) parts.push(M.infos(k.information)[lang]);
  if (k.hint) parts.push(M.hints(k.hint)[lang]);
  const summary = `✖ ${(b ? M.newProblems(total) : M.problems(total))[lang]} (${parts.join(', ')})`;
  const colourOf = k.error ? style.red : k.warning ? style.yellow : style.blue;
  yield paint((s) => style.bold(colourOf(s)), summary) + '\n' + tail + unmarked;
}
