import type { Rule } from './api';
import type { FixSpec } from '../model';
import { LineIndex, t, type Range, type Text } from '../text';
import { markerEdit, type Recognition } from '../recognize';

/**
 * docs/rules/README.md: a Markdown or YAML file without a marker that looks like an editorial plan or a
 * strategy (docs/format.md "Documents without a marker"). Such a file is not a document, so
 * it is in no project: the workspace asks `unmarkedFinding` for it (core/workspace.ts), and
 * the project check below has nothing to do.
 */
export const rule: Rule = {
  meta: {
    id: 'unmarked-document',
    severity: 'information',
    description: t(
      'A Markdown or YAML file looks like an editorial plan or a strategy but has no marker, so it is not checked.',
      'Eine Markdown- oder YAML-Datei sieht aus wie ein Redaktionsplan oder eine Strategie, hat aber keine Markierung und wird daher nicht geprüft.',
    ),
    fixable: true,
  },
  check() {
    // Every document of a project is marked (or named, or included); see unmarkedFinding.
  },
};

/** What the document looks like, in words, for the message. */
function looksLike(r: Recognition): Text {
  const list = r.evidence.map((e) => `'${e}'`).join(', ');
  if (r.kind === 'plan') {
    const what =
      r.format === 'yaml' ? t('a list with the keys', 'eine Liste mit den Schlüsseln') : t('a table with the columns', 'eine Tabelle mit den Spalten');
    return t(`an editorial plan (${what.en} ${list})`, `ein Redaktionsplan (${what.de} ${list})`);
  }
  const what = r.format === 'yaml' ? t('the keys', 'den Schlüsseln') : t('the sections', 'den Abschnitten');
  return t(`a social media strategy (${what.en} ${list})`, `eine Social-Media-Strategie (${what.de} ${list})`);
}

/** The quick fix that adds the marker (the same edit the extension's offer makes). */
export function markerFix(uri: string, text: string, r: Recognition): FixSpec {
  const e = markerEdit(text, r.format, r.kind);
  const where = r.format === 'markdown' ? t('to the front matter', 'im Front Matter') : t('as the first line', 'als erste Zeile');
  return {
    title: t(`Check this file: add 'stratdoc: ${r.kind}' ${where.en}`, `Diese Datei prüfen: 'stratdoc: ${r.kind}' ${where.de} ergänzen`),
    edits: [
      { uri, edits: [{ range: { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character } }, newText: e.newText }] },
    ],
    preferred: true,
  };
}

/** The one finding of an unmarked document: at its first line, with the marker fix. */
export function unmarkedFinding(uri: string, text: string, r: Recognition): { range: Range; message: Text; fixes: FixSpec[] } {
  const lines = new LineIndex(text);
  const what = looksLike(r);
  const marker = `stratdoc: ${r.kind}`;
  const where =
    r.format === 'markdown'
      ? t(`'${marker}' in the front matter`, `'${marker}' im Front Matter`)
      : t(`'${marker}' as the first line`, `'${marker}' als erste Zeile`);
  return {
    range: lines.lineRange(0),
    message: t(
      `This file looks like ${what.en}, but it has no marker, so stratdoc does not check it. Add ${where.en} to have it checked, or switch this notice off.`,
      `Diese Datei sieht aus wie ${what.de}, hat aber keine Markierung, daher prüft stratdoc sie nicht. Ergänzen Sie ${where.de}, um sie prüfen zu lassen, oder schalten Sie diesen Hinweis ab.`,
    ),
    fixes: [markerFix(uri, text, r)],
  };
}
