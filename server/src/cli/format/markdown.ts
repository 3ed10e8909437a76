/**
 * `--format markdown`: a compact summary for `$GITHUB_STEP_SUMMARY` or a pull request
 * comment (docs/cli.md): the counts, the (new) findings as a table with links to file and
 * line, and with `--changed-since` what the change does to the plans.
 */
import * as path from 'node:path';
import { changeMarkdown, mdTable, type Linker } from '../../preview/change';
import type { CliDiagnostic } from '../../node/diagnostics';
import type { CliIo } from '../io';
import { M } from '../messages';
import { t } from '../../core/text';
import type { FormatContext } from './index';

/** At most this many rows; a summary has to stay readable (and GitHub caps it at 1 MiB). */
export const MAX_ROWS = 100;

const SEV_ICON = { error: '❌', warning: '⚠️', information: 'ℹ️', hint: '💡' } as const;

const L = {
  heading: t('stratdoc', 'stratdoc'),
  fixedUnchanged: (f: number, u: number) => t(`${f} fixed, ${u} unchanged (not listed)`, `${f} behoben, ${u} unverändert (nicht aufgeführt)`),
  since: (ref: string) => t(`compared with \`${ref}\``, `verglichen mit \`${ref}\``),
  severity: t('Severity', 'Schwere'),
  file: t('File', 'Datei'),
  rule: t('Rule', 'Regel'),
  message: t('Message', 'Meldung'),
  more: (n: number) => t(`… and ${n} more (run \`stratdoc check\` for all).`, `… und ${n} weitere (\`stratdoc check\` zeigt alle).`),
};

/**
 * Links to a file's line: on GitHub Actions (GITHUB_SERVER_URL, GITHUB_REPOSITORY,
 * GITHUB_SHA) a blob URL of the checked commit, with the path from GITHUB_WORKSPACE;
 * elsewhere the relative path with `#L<line>`.
 */
export function fileLinker(io: CliIo): Linker {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha, GITHUB_WORKSPACE: ws } = io.env;
  const prefix = ws ? path.relative(ws, io.cwd).split(path.sep).join('/') : '';
  const enc = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  if (server && repo && sha && !prefix.startsWith('..')) {
    return (file, line) => `${server}/${repo}/blob/${sha}/${enc(prefix ? `${prefix}/${file}` : file)}#L${line}`;
  }
  return (file, line) => `${enc(file)}#L${line}`;
}

export function formatMarkdown(diagnostics: CliDiagnostic[], ctx: FormatContext): string {
  const lang = ctx.lang;
  const k = ctx.counts;
  const total = k.error + k.warning + k.information + k.hint;
  const b = ctx.baseline;
  const parts = [M.errors(k.error)[lang], M.warnings(k.warning)[lang]];
  if (k.information) parts.push(M.infos(k.information)[lang]);
  if (k.hint) parts.push(M.hints(k.hint)[lang]);
  let line: string;
  if (total === 0)
    line = `✔ ${(b ? M.noNewProblems(ctx.documents) : ctx.documents === 0 ? M.noDocuments() : ctx.quiet ? M.cleanQuiet(ctx.documents) : M.clean(ctx.documents))[lang]}`;
  else line = `✖ ${(b ? M.newProblems(total) : M.problems(total))[lang]} (${parts.join(', ')})`;
  if (b) line += ` · ${L.fixedUnchanged(b.fixed.length, b.unchanged)[lang]}${b.since ? ` · ${L.since(b.since)[lang]}` : ''}`;
  let out = `### ${L.heading[lang]}\n\n**${line.replace(/\*/g, '\\*')}**\n\n`;
  if (diagnostics.length) {
    const rows = diagnostics
      .slice(0, MAX_ROWS)
      .map((d) => [
        { text: `${SEV_ICON[d.severity]} ${M.severityWord(d.severity)[lang]}` },
        { text: `${d.file}:${d.line}`, href: ctx.link(d.file, d.line) },
        { text: d.rule, code: true },
        { text: d.message },
      ]);
    out += mdTable([L.severity[lang], L.file[lang], L.rule[lang], L.message[lang]], rows);
    if (diagnostics.length > MAX_ROWS) out += `\n${L.more(diagnostics.length - MAX_ROWS)[lang]}\n`;
    out += '\n';
  }
  if (ctx.change && b?.since !== undefined) {
    out += changeMarkdown({ base: b.since, change: ctx.change, newFindings: diagnostics, fixed: b.fixed, listNew: false }, lang, ctx.link, 4);
  }
  return out;
}
