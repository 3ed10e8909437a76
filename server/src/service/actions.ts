/**
 * Code actions: every quick fix the rules compute (core, as text edits), plus "disable
 * this rule for this line" and "in this file"; and, when asked for `source.fixAll`
 * (fix on save), the safe fixes of the whole document in one action (core/fixall.ts).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../core/model';
import type { Finding } from '../core/engine';
import { LineIndex, comparePos, t } from '../core/text';
import { formatOf } from '../core/parse/common';
import { parseMarkdown } from '../core/parse/markdown';
import { fixAll, autoFix } from '../core/fixall';
import { Workspace } from '../core/workspace';
import { toDiagnostic } from './diagnostics';
import type { ServiceContext } from './context';

function overlaps(a: Range, b: Range): boolean {
  return comparePos(a.end, b.start) >= 0 && comparePos(b.end, a.start) >= 0;
}

function sameDiag(f: Finding, d: Diagnostic): boolean {
  return (
    d.code === f.rule &&
    d.range.start.line === f.range.start.line &&
    d.range.start.character === f.range.start.character &&
    d.range.end.line === f.range.end.line &&
    d.range.end.character === f.range.end.character
  );
}

/** What the disable comments need of a document: its format, lines and front matter (the reader's, docs/format.md "Front matter"). */
type DocLines = Pick<ParsedDocument, 'format' | 'lines' | 'frontMatter'>;

/** Where a line-level disable comment goes, and its text. */
export function disableLineEdit(doc: DocLines, line: number, rule: string): TextEdit | undefined {
  const text = doc.lines.lineText(line);
  if (doc.format === 'yaml') {
    const indent = /^\s*/.exec(text)![0].replace(/-\s*/, (m) => ' '.repeat(m.length));
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# stratdoc-disable-next-line ${rule}\n` };
  }
  if (inFrontMatter(doc, line)) return undefined;
  if (/^ {0,3}#{1,6}(\s|$)/.test(text)) {
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `<!-- stratdoc-disable-next-line ${rule} -->\n` };
  }
  // Elsewhere the comment goes at the end of the line: a line above would end a list or a table.
  return { range: { start: { line, character: text.length }, end: { line, character: text.length } }, newText: ` <!-- stratdoc-disable-line ${rule} -->` };
}

function inFrontMatter(doc: DocLines, line: number): boolean {
  const fm = doc.frontMatter;
  return !!fm && fm.range.start.line <= line && line <= fm.range.end.line;
}

export function disableFileEdit(doc: DocLines, rule: string): TextEdit {
  if (doc.format === 'yaml')
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# stratdoc-disable-file ${rule}\n` };
  const line = doc.frontMatter ? doc.frontMatter.range.end.line + 1 : 0;
  if (line >= doc.lines.lineCount) {
    const end = doc.lines.lineText(doc.lines.lineCount - 1).length;
    return {
      range: { start: { line: doc.lines.lineCount - 1, character: end }, end: { line: doc.lines.lineCount - 1, character: end } },
      newText: `\n<!-- stratdoc-disable-file ${rule} -->`,
    };
  }
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `<!-- stratdoc-disable-file ${rule} -->\n` };
}

/** The kind of the fix-all action: `editor.codeActionsOnSave: { "source.fixAll.stratdoc": "explicit" }`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.stratdoc`;

/** Whether a requested kind (`only`) covers a kind: the same, or a parent in the dotted hierarchy. */
function covers(requested: string, kind: string): boolean {
  return requested === kind || kind.startsWith(`${requested}.`);
}

/**
 * The safe fixes of one document as one action, applied round by round on a copy of its
 * project; undefined when there is nothing to fix. The edit replaces only the span that
 * changed, so the editor keeps the cursor and folding elsewhere.
 */
export function fixAllAction(ctx: ServiceContext, uri: string): CodeAction | undefined {
  const doc = ctx.ws.get(uri);
  const project = ctx.ws.projectOf(uri);
  if (!doc || !project) return undefined;
  const targets = new Set([uri]);
  const today = ctx.today();
  if (!ctx.ws.checkProject(project, today).some((f) => f.uri === uri && autoFix(f, targets))) return undefined;
  const scratch = new Workspace(ctx.ws.configs);
  for (const d of project.documents) scratch.set(d.uri, d.text);
  const after = fixAll(scratch, targets, { today }).changed.get(uri);
  if (after === undefined || after === doc.text) return undefined;
  const before = doc.text;
  let a = 0;
  while (a < before.length && a < after.length && before[a] === after[a]) a++;
  let z = 0;
  while (z < before.length - a && z < after.length - a && before[before.length - 1 - z] === after[after.length - 1 - z]) z++;
  const edit: TextEdit = { range: doc.lines.rangeOf(a, before.length - z), newText: after.slice(a, after.length - z) };
  const lang = ctx.lang(uri);
  return {
    title: t('Fix all safely fixable stratdoc problems', 'Alle sicher behebbaren stratdoc-Probleme beheben')[lang],
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: [edit] } },
  };
}

/**
 * A file that is no document (its unmarked-document finding) has no reading; where it
 * opens with `---`, the Markdown reader reads it for its front matter, so a file-wide
 * comment goes below it as in a document.
 */
function unmarkedLines(uri: string, text: string, format: DocLines['format']): DocLines {
  if (format !== 'markdown' || !/^\uFEFF?---[ \t]*\r?\n/.test(text)) return { format, lines: new LineIndex(text) };
  const read = parseMarkdown(uri, text, 'plan', 'filename');
  return { format, lines: read.lines, frontMatter: read.frontMatter };
}

export function codeActions(ctx: ServiceContext, uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  const parsed = ctx.ws.get(uri);
  // A file that is no document has at most its unmarked-document finding; its text is the editor's.
  const unmarked = parsed ? undefined : ctx.ws.unmarkedFindings().find((f) => f.uri === uri);
  const text = parsed?.text ?? (unmarked ? ctx.text?.(uri) : undefined);
  const format = parsed?.format ?? formatOf(uri);
  if (text === undefined || !format) return [];
  const doc: DocLines = parsed ?? unmarkedLines(uri, text, format);
  // Fix-all only when asked for by kind (on save, "Source Action…"): it re-checks the
  // document, too much work for every light bulb. An unmarked file has nothing safe to fix.
  if (parsed && only?.some((k) => covers(k, FIX_ALL_KIND))) {
    const all = fixAllAction(ctx, uri);
    const rest = only.some((k) => covers(k, CodeActionKind.QuickFix)) ? codeActions(ctx, uri, range, diagnostics, [CodeActionKind.QuickFix]) : [];
    return all ? [all, ...rest] : rest;
  }
  if (only && !only.some((k) => covers(k, CodeActionKind.QuickFix))) return [];
  const lang = ctx.lang(uri);
  const findings = (ctx.findings().get(uri) ?? []).filter((f) => (diagnostics.length ? diagnostics.some((d) => sameDiag(f, d)) : overlaps(f.range, range)));
  const out: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const f of findings) {
    const diag = toDiagnostic(f, lang);
    for (const fix of f.fixes ?? []) {
      const edit: WorkspaceEdit = { changes: {} };
      for (const e of fix.edits) (edit.changes![e.uri] ??= []).push(...e.edits);
      out.push({ title: fix.title[lang], kind: CodeActionKind.QuickFix, diagnostics: [diag], isPreferred: fix.preferred, edit });
    }
  }
  // A CSV has no comments: no disable action there (docs/format.md "CSV plans").
  for (const f of doc.format === 'csv' ? [] : findings) {
    if (disabled.has(f.rule) || f.rule === 'file' || f.rule === 'config') continue;
    disabled.add(f.rule);
    const diag = toDiagnostic(f, lang);
    const le = parsed ? disableLineEdit(doc, f.range.start.line, f.rule) : undefined;
    if (le)
      out.push({
        title: t(`Disable ${f.rule} for this line`, `${f.rule} für diese Zeile abschalten`)[lang],
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        edit: { changes: { [uri]: [le] } },
      });
    out.push({
      title: t(`Disable ${f.rule} in this file`, `${f.rule} in dieser Datei abschalten`)[lang],
      kind: CodeActionKind.QuickFix,
      diagnostics: [diag],
      edit: { changes: { [uri]: [disableFileEdit(doc, f.rule)] } },
    });
  }
  return out;
}
