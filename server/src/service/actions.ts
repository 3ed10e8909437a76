/**
 * Code actions: every quick fix the rules compute (core, as text edits), plus "disable
 * this rule for this line" and "in this file".
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../core/model';
import type { Finding } from '../core/engine';
import { t } from '../core/text';
import { toDiagnostic } from './diagnostics';
import type { ServiceContext } from './context';

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function sameDiag(f: Finding, d: Diagnostic): boolean {
  return d.code === f.rule && d.range.start.line === f.range.start.line && d.range.start.character === f.range.start.character && d.range.end.line === f.range.end.line && d.range.end.character === f.range.end.character;
}

/** Where a line-level disable comment goes, and its text. */
export function disableLineEdit(doc: ParsedDocument, line: number, rule: string): TextEdit | undefined {
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

function inFrontMatter(doc: ParsedDocument, line: number): boolean {
  if (doc.lines.lineText(0).trimEnd() !== '---') return false;
  for (let i = 1; i < doc.lines.lineCount; i++) {
    if (/^(---|\.\.\.)\s*$/.test(doc.lines.lineText(i))) return line <= i;
  }
  return false;
}

export function disableFileEdit(doc: ParsedDocument, rule: string): TextEdit {
  if (doc.format === 'yaml') return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# stratdoc-disable-file ${rule}\n` };
  let line = 0;
  if (doc.lines.lineText(0).trimEnd() === '---') {
    for (let i = 1; i < doc.lines.lineCount; i++) {
      if (/^(---|\.\.\.)\s*$/.test(doc.lines.lineText(i))) {
        line = i + 1;
        break;
      }
    }
  }
  if (line >= doc.lines.lineCount) {
    const end = doc.lines.lineText(doc.lines.lineCount - 1).length;
    return { range: { start: { line: doc.lines.lineCount - 1, character: end }, end: { line: doc.lines.lineCount - 1, character: end } }, newText: `\n<!-- stratdoc-disable-file ${rule} -->` };
  }
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `<!-- stratdoc-disable-file ${rule} -->\n` };
}

export function codeActions(ctx: ServiceContext, uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  const doc = ctx.ws.get(uri);
  if (!doc) return [];
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) return [];
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
  for (const f of findings) {
    if (disabled.has(f.rule) || f.rule === 'file' || f.rule === 'config') continue;
    disabled.add(f.rule);
    const diag = toDiagnostic(f, lang);
    const le = disableLineEdit(doc, f.range.start.line, f.rule);
    if (le) out.push({ title: t(`Disable ${f.rule} for this line`, `${f.rule} für diese Zeile abschalten`)[lang], kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: { changes: { [uri]: [le] } } });
    out.push({ title: t(`Disable ${f.rule} in this file`, `${f.rule} in dieser Datei abschalten`)[lang], kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: { changes: { [uri]: [disableFileEdit(doc, f.rule)] } } });
  }
  return out;
}
