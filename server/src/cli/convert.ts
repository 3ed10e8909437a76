/**
 * `stratdoc convert FILE --to yaml|md [--out PATH]` (docs/cli.md "Convert"): the canonical
 * form (core/convert.ts) of a plan or strategy read in any shape — marked or not, a wild
 * Markdown table, a YAML export, a CSV from a spreadsheet — to stdout or to a new file. The
 * file is read with its project around it, so names of goals and people become the IDs the
 * strategy gives them. Nothing is written over an input (the core's safe writer).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertDocument, convertedCount, type ConvertTarget } from '../core/convert';
import { readDocumentFile, safeWrite, skipMessage } from '../core/files';
import type { DocKind, ParsedDocument } from '../core/model';
import { formatOf } from '../core/parse/common';
import { markerEdit, recognize } from '../core/recognize';
import { LineIndex, type Lang } from '../core/text';
import { toPath, toUri } from '../core/uri';
import type { OptionSpec } from './args';
import { prepare, startCommand, usageError } from './check';
import { isLang, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo, type ExitCode } from './io';
import { M } from './messages';

export const CONVERT_OPTIONS: OptionSpec[] = [
  { name: 'to', short: 't', value: true },
  { name: 'out', short: 'o', value: true },
  { name: 'lang', value: true },
  { name: 'config', short: 'c', value: true },
  { name: 'help', short: 'h', value: false },
];

const TARGETS: Record<string, ConvertTarget> = { yaml: 'yaml', yml: 'yaml', md: 'md', markdown: 'md' };

export function convertCommand(argv: string[], io: CliIo): ExitCode {
  const started = startCommand(argv, io, CONVERT_OPTIONS, M.convertHelp, M.convertHelpHint());
  if (typeof started === 'number') return started;
  const { lang0, positionals, str } = started;
  const hint = M.convertHelpHint();
  const to = str('to');
  if (to === undefined) return usageError(io, lang0, M.convertTo(), hint);
  const target = TARGETS[to.toLowerCase()];
  if (!target) return usageError(io, lang0, M.convertBadTo(to), hint);
  const lang = str('lang');
  if (lang !== undefined && !isLang(lang)) return usageError(io, lang0, M.badLang(lang), hint);
  if (positionals.length !== 1) return usageError(io, lang0, M.convertOneFile(), hint);
  const file = positionals[0];
  const abs = path.resolve(io.cwd, file);
  try {
    if (fs.statSync(abs).isDirectory()) return usageError(io, lang0, M.convertOneFile(), hint);
  } catch {
    // prepare() says what is wrong with the path.
  }

  const prepared = prepare({ paths: [file], config: str('config'), lang: lang }, io, lang0, hint);
  if (typeof prepared === 'number') return prepared;
  const { ws } = prepared;
  const uri = toUri(abs);
  const skipped = ws.skippedFiles().find((s) => s.uri === uri);
  if (skipped) return fail(io, prepared.lang, M.convertUnreadable(file, skipped.message));

  let doc: ParsedDocument | undefined = ws.get(uri);
  if (!doc) {
    // Not a document by marker, name or configuration: read it as what it looks like
    // (a CSV given here is read as a plan, docs/cli.md "Convert").
    const cfg = ws.configs.forDocument(uri);
    const r = readDocumentFile(abs, cfg.maxFileSize);
    if (!r.ok) return fail(io, prepared.lang, M.convertUnreadable(file, skipMessage(r, cfg.maxFileSize)));
    const format = formatOf(uri);
    let kind: DocKind | undefined = format === 'csv' ? 'plan' : undefined;
    if (!kind && format) {
      try {
        kind = recognize(uri, r.text)?.kind;
      } catch {
        kind = undefined;
      }
    }
    // An unmarked file is read as it would be once marked: with the marker the quick fix
    // adds (for a YAML file that is one list, also the `entries:` key the list then needs).
    let text = r.text;
    if (kind && format && format !== 'csv') {
      const m = markerEdit(text, format, kind);
      const at = new LineIndex(text).offsetAt({ line: m.line, character: m.character });
      text = text.slice(0, at) + m.newText + text.slice(at);
    }
    doc = kind ? ws.set(uri, text, { kind }) : undefined;
    if (!doc || (format === 'csv' && !planColumns(doc))) {
      ws.remove(uri);
      return fail(io, prepared.lang, M.convertUnrecognised(file));
    }
  }
  const project = ws.projectOf(uri);
  const docLang: Lang = lang ?? doc.language ?? prepared.langOf(uri);

  const outOpt = str('out');
  const out = outOpt === undefined ? undefined : path.resolve(io.cwd, outOpt);
  // A plan written to another folder names its strategy by a path from there.
  let strategyPath: string | undefined;
  const strategyFile = doc.kind === 'plan' && project?.strategy ? toPath(project.strategy.uri) : undefined;
  if (out && strategyFile && (doc.plan?.strategyPath || path.dirname(out) !== path.dirname(abs))) {
    strategyPath = path.relative(path.dirname(out), strategyFile).split(path.sep).join('/');
  }
  const text = convertDocument(doc, project, { to: target, lang: docLang, strategyPath });
  // What the reader could not read is not in the converted file: say so, and exit 1.
  const broken = doc.problems.filter((p) => p.rule === 'syntax');
  const code: ExitCode = broken.length ? EXIT_PROBLEMS : EXIT_OK;
  if (broken.length) io.stderr(`stratdoc: ${M.convertSyntax(file, broken.length)[prepared.lang]}\n`);

  if (!out) {
    io.stdout(text);
    return code;
  }
  const shown = path.relative(io.cwd, out) || out;
  const w = safeWrite(out, text, new Set([...prepared.inputs, abs]));
  if ('refused' in w) return usageError(io, prepared.lang, M.outRefused(shown, w), hint);
  io.stdout(`${M.convertWritten(shown, doc.kind, convertedCount(doc))[prepared.lang]}\n`);
  return code;
}

/**
 * Whether a CSV read as a plan has the columns of one (docs/format.md "Documents without a
 * marker"): a date and two more of channel, topic, owner, status and goal.
 */
function planColumns(doc: ParsedDocument): boolean {
  const names = new Set(doc.plan?.entries.flatMap((e) => e.fields.map((f) => f.name)) ?? []);
  return names.has('date') && (['channel', 'title', 'owner', 'status', 'goals', 'pillar'] as const).filter((n) => names.has(n)).length >= 2;
}

function fail(io: CliIo, lang: Lang, message: { en: string; de: string }): ExitCode {
  io.stderr(`stratdoc: ${message[lang]}\n`);
  return EXIT_USAGE;
}
