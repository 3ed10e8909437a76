/**
 * The CLI's own texts (help, summary, errors) in both languages. Rule messages come from
 * the core; everything the CLI itself says is here.
 */
import type { Lang, Text } from '../core/text';
import { t } from '../core/text';
import { DOCS_BASE, REPO_URL } from '../core/rules/api';

export { REPO_URL };
export const CLI_DOCS_URL = DOCS_BASE.replace(/rules\/$/, 'cli.md');

export function pick(text: Text, lang: Lang): string {
  return text[lang];
}

/** Chooses the singular or plural form of a count. */
function n(count: number, en: [string, string], de: [string, string]): Text {
  return t(`${count} ${count === 1 ? en[0] : en[1]}`, `${count} ${count === 1 ? de[0] : de[1]}`);
}

export { reason } from '../core/files';
import { reason, type WriteRefusal } from '../core/files';

export const M = {
  mainHelp: (version: string): Text =>
    t(
      `stratdoc ${version} – checks social media strategies and editorial plans like a compiler checks code.

Usage:
  stratdoc check [options] [paths…]   check documents (default: the current folder)
  stratdoc report [options] [paths…]  write the HTML report of the documents
  stratdoc export --ics|--csv [paths…] the plans' entries as a calendar or a table
  stratdoc convert FILE --to yaml|md  a plan or strategy in any shape, in stratdoc's own form
  stratdoc --help                     show this help
  stratdoc --version                  show the version

Run 'stratdoc <command> --help' (check, report, export, convert) for their options.
Documentation: ${CLI_DOCS_URL}
`,
      `stratdoc ${version} – prüft Social-Media-Strategien und Redaktionspläne wie ein Compiler Code.

Aufruf:
  stratdoc check [Optionen] [Pfade…]  Dokumente prüfen (Voreinstellung: der aktuelle Ordner)
  stratdoc report [Optionen] [Pfade…] den HTML-Bericht der Dokumente schreiben
  stratdoc export --ics|--csv [Pfade…] die Einträge der Pläne als Kalender oder Tabelle
  stratdoc convert DATEI --to yaml|md ein Plan oder eine Strategie in stratdocs eigener Form
  stratdoc --help                     diese Hilfe zeigen
  stratdoc --version                  die Version zeigen

'stratdoc <Befehl> --help' (check, report, export, convert) zeigt die Optionen.
Dokumentation: ${CLI_DOCS_URL}
`,
    ),
  checkHelp: (): Text =>
    t(
      `Usage: stratdoc check [options] [paths…]

Checks the strategy documents and editorial plans in the given files and folders
(default: the current folder, recursively; node_modules, dist, out and folders whose
name starts with a dot are skipped; links are followed only inside the project). Other
files are left alone.

Options:
  -f, --format FORMAT     output format: stylish (default), json, sarif, github or markdown
      --lang LANG         language of the messages: en or de
  -c, --config FILE       use this configuration file instead of the nearest .stratdoc.yaml
      --max-warnings N    exit with code 1 when there are more than N warnings
  -q, --quiet             report errors only
      --today YYYY-MM-DD  the date rules about past and future compare with (default: today)
      --fix               apply the safe fixes to the checked files, then report what is left
      --fix-dry-run       print the safe fixes as a unified diff; write nothing
      --changed-since REF report only findings that are new since the Git revision REF
      --baseline FILE     report only findings that are not in FILE (a --format json output)
  -j, --jobs N            read and parse files on N threads (default: the number of cores)
  -h, --help              show this help

Exit codes: 0 no errors (and no more warnings than allowed), 1 errors or too many
warnings, 2 bad usage or a path or configuration file that cannot be read.
With --fix-dry-run: 0 nothing to fix, 1 a diff was printed.
`,
      `Aufruf: stratdoc check [Optionen] [Pfade…]

Prüft die Strategiedokumente und Redaktionspläne in den angegebenen Dateien und Ordnern
(Voreinstellung: der aktuelle Ordner mit allen Unterordnern; node_modules, dist, out und
Ordner, deren Name mit einem Punkt beginnt, werden übersprungen; Verknüpfungen nur
innerhalb des Projekts verfolgt). Andere Dateien bleiben unberührt.

Optionen:
  -f, --format FORMAT     Ausgabeformat: stylish (Voreinstellung), json, sarif, github oder markdown
      --lang SPRACHE      Sprache der Meldungen: en oder de
  -c, --config DATEI      diese Konfigurationsdatei statt der nächsten .stratdoc.yaml verwenden
      --max-warnings N    mit Code 1 enden, wenn es mehr als N Warnungen gibt
  -q, --quiet             nur Fehler melden
      --today JJJJ-MM-TT  das Datum, mit dem Regeln über Vergangenheit und Zukunft vergleichen
                          (Voreinstellung: heute)
      --fix               die sicheren Korrekturen in die geprüften Dateien schreiben, dann
                          melden, was bleibt
      --fix-dry-run       die sicheren Korrekturen als Unified Diff zeigen; nichts schreiben
      --changed-since REF nur Meldungen, die seit der Git-Revision REF neu sind
      --baseline DATEI    nur Meldungen, die nicht in DATEI stehen (eine Ausgabe von --format json)
  -j, --jobs N            Dateien in N Threads lesen und parsen (Voreinstellung: die Zahl der Kerne)
  -h, --help              diese Hilfe zeigen

Exit-Codes: 0 keine Fehler (und nicht mehr Warnungen als erlaubt), 1 Fehler oder zu viele
Warnungen, 2 falscher Aufruf oder ein Pfad oder eine Konfigurationsdatei, die sich nicht
lesen lässt. Mit --fix-dry-run: 0 nichts zu beheben, 1 ein Diff wurde gezeigt.
`,
    ),

  reportHelp: (): Text =>
    t(
      `Usage: stratdoc report [options] [paths…]

Writes one self-contained HTML file (no script, no network) with the picture of each
strategy and its plans: the eight steps, goals → KPIs → content, the push share against
the 80/20 limit, the editorial calendar and the findings. For pull requests: upload it
as a build artifact, or open it in any browser. Reads the same files as 'check'.

Options:
  -o, --out FILE          where to write the report (default: stratdoc-report.html)
      --lang LANG         language of the report: en or de (default: each document's)
  -c, --config FILE       use this configuration file instead of the nearest .stratdoc.yaml
      --today YYYY-MM-DD  the date rules about past and future compare with (default: today)
  -h, --help              show this help

Exit codes: 0 written, 2 bad usage, a path that cannot be read, or a report that
cannot be written. The report is the only file written, never over a file it read.
`,
      `Aufruf: stratdoc report [Optionen] [Pfade…]

Schreibt eine eigenständige HTML-Datei (ohne Skript, ohne Netz) mit dem Bild jeder
Strategie und ihrer Pläne: die acht Schritte, Ziele → Kennzahlen → Inhalte, den
Push-Anteil gegen die 80/20-Grenze, den Redaktionskalender und die Meldungen. Für Pull
Requests: als Build-Artefakt hochladen oder in jedem Browser öffnen. Liest dieselben
Dateien wie 'check'.

Optionen:
  -o, --out DATEI         wohin der Bericht geschrieben wird (Voreinstellung: stratdoc-report.html)
      --lang SPRACHE      Sprache des Berichts: en oder de (Voreinstellung: die jedes Dokuments)
  -c, --config DATEI      diese Konfigurationsdatei statt der nächsten .stratdoc.yaml verwenden
      --today JJJJ-MM-TT  das Datum, mit dem Regeln über Vergangenheit und Zukunft vergleichen
                          (Voreinstellung: heute)
  -h, --help              diese Hilfe zeigen

Exit-Codes: 0 geschrieben, 2 falscher Aufruf, ein Pfad, der sich nicht lesen lässt, oder ein
Bericht, der sich nicht schreiben lässt. Der Bericht ist die einzige Datei, die geschrieben wird, nie über eine gelesene Datei.
`,
    ),
  reportHelpHint: (): Text => t("Run 'stratdoc report --help' for usage.", "'stratdoc report --help' zeigt, wie es geht."),
  reportWritten: (file: string, projects: number, findings: number): Text =>
    t(
      `Report written to ${file} (${projects} ${projects === 1 ? 'project' : 'projects'}, ${findings} ${findings === 1 ? 'finding' : 'findings'}).`,
      `Bericht geschrieben: ${file} (${projects} ${projects === 1 ? 'Projekt' : 'Projekte'}, ${findings} ${findings === 1 ? 'Meldung' : 'Meldungen'}).`,
    ),
  reportUnwritable: (file: string, code: Text): Text =>
    t(`cannot write the report to '${file}' (${code.en}).`, `der Bericht lässt sich nicht nach '${file}' schreiben (${code.de}).`),
  reportIsInput: (file: string): Text =>
    t(
      `will not write the report to '${file}': it is one of the files read. Choose another --out.`,
      `der Bericht wird nicht nach '${file}' geschrieben: das ist eine der gelesenen Dateien. Wählen Sie ein anderes --out.`,
    ),
  reportNotAFile: (file: string): Text =>
    t(
      `will not write the report to '${file}': it is a folder or no regular file.`,
      `der Bericht wird nicht nach '${file}' geschrieben: das ist ein Ordner oder keine gewöhnliche Datei.`,
    ),
  reportNothing: (): Text =>
    t(
      'No strategy or plan found under the given paths; the report says so.',
      'Unter den angegebenen Pfaden gibt es keine Strategie und keinen Plan; der Bericht sagt das.',
    ),

  // export.
  exportHelp: (): Text =>
    t(
      `Usage: stratdoc export --ics|--csv [options] [paths…]

Exports the entries of the editorial plans under the paths (or of a strategy's plans):
  --ics   an iCalendar file, one event per dated entry (all day, or at its time),
          "Channel: Title" as the summary, owner, status, goals and link in the
          description. The events keep their UIDs: import the file again to update them.
  --csv   a table for Excel, Numbers or Google Sheets in the plan's language; German:
          semicolons, dates as DD.MM.YYYY and a byte order mark, as Excel expects.

Options:
  -o, --out FILE          write to FILE (never over a document or configuration file read);
                          default: standard output
      --lang LANG         language of the columns and values: en or de (default: the plan's)
  -c, --config FILE       use this configuration file instead of the nearest .stratdoc.yaml
  -h, --help              show this help

Exit codes: 0 exported, 2 bad usage, a path that cannot be read, or a file that cannot be written.
`,
      `Aufruf: stratdoc export --ics|--csv [Optionen] [Pfade…]

Exportiert die Einträge der Redaktionspläne unter den Pfaden (oder der Pläne einer Strategie):
  --ics   eine iCalendar-Datei, ein Termin je Eintrag mit Datum (ganztägig oder zur
          Uhrzeit), „Kanal: Titel“ als Betreff, Verantwortliche, Status, Ziele und Link in
          der Beschreibung. Die Termine behalten ihre UIDs: erneut importiert, werden sie
          aktualisiert.
  --csv   eine Tabelle für Excel, Numbers oder Google Tabellen in der Sprache des Plans;
          deutsch: Semikolon, Datum als TT.MM.JJJJ und Byte-Order-Mark, wie Excel es erwartet.

Optionen:
  -o, --out DATEI         in DATEI schreiben (nie über ein gelesenes Dokument oder eine
                          Konfigurationsdatei); Voreinstellung: die Standardausgabe
      --lang SPRACHE      Sprache der Spalten und Werte: en oder de (Voreinstellung: die des Plans)
  -c, --config DATEI      diese Konfigurationsdatei statt der nächsten .stratdoc.yaml verwenden
  -h, --help              diese Hilfe zeigen

Exit-Codes: 0 exportiert, 2 falscher Aufruf, ein Pfad, der sich nicht lesen lässt, oder eine
Datei, die sich nicht schreiben lässt.
`,
    ),
  exportHelpHint: (): Text => t("Run 'stratdoc export --help' for usage.", "'stratdoc export --help' zeigt, wie es geht."),
  exportFormat: (): Text =>
    t('say what to export: --ics (calendar) or --csv (table).', 'sagen Sie, was exportiert werden soll: --ics (Kalender) oder --csv (Tabelle).'),
  exportNothing: (): Text => t('No plan entries found under the given paths.', 'Unter den angegebenen Pfaden gibt es keine Einträge eines Plans.'),
  exportUnwritable: (file: string, code: Text): Text => t(`cannot write '${file}' (${code.en}).`, `'${file}' lässt sich nicht schreiben (${code.de}).`),
  exportWritten: (file: string, n: number, fmt: 'ics' | 'csv'): Text =>
    fmt === 'ics'
      ? t(`Calendar written to ${file} (${n} ${n === 1 ? 'event' : 'events'}).`, `Kalender geschrieben: ${file} (${n} ${n === 1 ? 'Termin' : 'Termine'}).`)
      : t(`Table written to ${file} (${n} ${n === 1 ? 'entry' : 'entries'}).`, `Tabelle geschrieben: ${file} (${n} ${n === 1 ? 'Eintrag' : 'Einträge'}).`),
  /** Why `--out FILE` was not written (core/files safeWrite's refusal): export and convert. */
  outRefused: (file: string, w: WriteRefusal): Text =>
    w.refused === 'input' ? M.outIsInput(file) : M.exportUnwritable(file, reason(w.refused === 'not-a-file' ? 'EISDIR' : w.code)),
  outIsInput: (file: string): Text =>
    t(
      `'${file}' is one of the files read; refusing to overwrite it. Choose another --out.`,
      `'${file}' ist eine der gelesenen Dateien; sie wird nicht überschrieben. Wählen Sie ein anderes --out.`,
    ),

  // convert.
  convertHelp: (): Text =>
    t(
      `Usage: stratdoc convert FILE --to yaml|md [options]

Writes the canonical stratdoc form of a plan or strategy (docs/format.md), whatever shape
it is in: a Markdown table or YAML export with or without the 'stratdoc:' marker, or a
CSV from Excel, Google Sheets or Airtable. Keys and columns are stratdoc's, dates ISO,
statuses and modes from their lists, goals and people by the IDs of the strategy;
columns stratdoc does not know are kept under their own names.

Options:
  -t, --to FORMAT         yaml or md
  -o, --out FILE          write to FILE (never over a file read); default: standard output
      --lang LANG         language of headers and values in Markdown: en or de
                          (default: the document's)
  -c, --config FILE       use this configuration file instead of the nearest .stratdoc.yaml
  -h, --help              show this help

Exit codes: 0 converted, 1 converted but parts of FILE could not be read (a syntax
error: see stratdoc check), 2 bad usage, a file that cannot be read, is no plan or
strategy, or an --out that cannot be written.
`,
      `Aufruf: stratdoc convert DATEI --to yaml|md [Optionen]

Schreibt die kanonische stratdoc-Form eines Plans oder einer Strategie (docs/format.md),
gleich in welcher Gestalt: eine Markdown-Tabelle oder ein YAML-Export mit oder ohne
'stratdoc:'-Markierung, oder eine CSV aus Excel, Google Tabellen oder Airtable. Schlüssel
und Spalten sind die von stratdoc, Daten ISO, Status und Modi aus ihren Listen, Ziele und
Personen mit den IDs der Strategie; unbekannte Spalten bleiben unter ihrem Namen erhalten.

Optionen:
  -t, --to FORMAT         yaml oder md
  -o, --out DATEI         in DATEI schreiben (nie über eine gelesene Datei);
                          Voreinstellung: die Standardausgabe
      --lang SPRACHE      Sprache der Spalten und Werte in Markdown: en oder de
                          (Voreinstellung: die des Dokuments)
  -c, --config DATEI      diese Konfigurationsdatei statt der nächsten .stratdoc.yaml verwenden
  -h, --help              diese Hilfe zeigen

Exit-Codes: 0 umgewandelt, 1 umgewandelt, aber Teile der DATEI waren nicht lesbar
(ein Syntaxfehler: siehe stratdoc check), 2 falscher Aufruf, eine Datei, die sich nicht
lesen lässt oder kein Plan und keine Strategie ist, oder ein --out, das sich nicht
schreiben lässt.
`,
    ),
  convertHelpHint: (): Text => t("Run 'stratdoc convert --help' for usage.", "'stratdoc convert --help' zeigt, wie es geht."),
  convertTo: (): Text => t('say what to convert to: --to yaml or --to md.', 'sagen Sie, wohin umgewandelt werden soll: --to yaml oder --to md.'),
  convertBadTo: (v: string): Text =>
    t(`cannot convert to '${v}': write --to yaml or --to md.`, `nach '${v}' lässt sich nicht umwandeln: schreiben Sie --to yaml oder --to md.`),
  convertOneFile: (): Text => t('convert takes exactly one file (a plan or a strategy).', 'convert nimmt genau eine Datei (einen Plan oder eine Strategie).'),
  convertUnreadable: (file: string, why: Text): Text => t(`cannot convert ${file}: ${why.en}`, `${file} lässt sich nicht umwandeln: ${why.de}`),
  convertUnrecognised: (file: string): Text =>
    t(
      `${file} does not look like an editorial plan or a strategy (docs/format.md "Documents without a marker"); nothing to convert. Add the marker 'stratdoc: plan' or 'stratdoc: strategy' if it is one.`,
      `${file} sieht weder nach einem Redaktionsplan noch nach einer Strategie aus (docs/format.md „Documents without a marker“); nichts umzuwandeln. Ergänzen Sie die Markierung 'stratdoc: plan' oder 'stratdoc: strategy', wenn es eins ist.`,
    ),
  convertSyntax: (file: string, n: number): Text =>
    t(
      `${file} has ${n === 1 ? 'a syntax error' : `${n} syntax errors`}: what could not be read is not in the converted file. Run 'stratdoc check ${file}'.`,
      `${file} hat ${n === 1 ? 'einen Syntaxfehler' : `${n} Syntaxfehler`}: Was sich nicht lesen ließ, fehlt in der umgewandelten Datei. Führen Sie 'stratdoc check ${file}' aus.`,
    ),
  convertWritten: (file: string, kind: 'plan' | 'strategy', n: number): Text =>
    kind === 'plan'
      ? t(`Plan written to ${file} (${n} ${n === 1 ? 'row' : 'rows'}).`, `Plan geschrieben: ${file} (${n} ${n === 1 ? 'Zeile' : 'Zeilen'}).`)
      : t(`Strategy written to ${file} (${n} ${n === 1 ? 'item' : 'items'}).`, `Strategie geschrieben: ${file} (${n} ${n === 1 ? 'Eintrag' : 'Einträge'}).`),

  // --fix and --fix-dry-run.
  fixApplied: (fixes: number, files: number): Text =>
    fixes === 0
      ? t('Nothing to fix automatically.', 'Nichts automatisch zu beheben.')
      : t(
          `Fixed ${fixes} ${fixes === 1 ? 'problem' : 'problems'} in ${files} ${files === 1 ? 'file' : 'files'}; what is left is reported below.`,
          `${fixes} ${fixes === 1 ? 'Problem' : 'Probleme'} in ${files} ${files === 1 ? 'Datei' : 'Dateien'} behoben; was bleibt, steht unten.`,
        ),
  fixWouldApply: (fixes: number, files: number): Text =>
    fixes === 0
      ? t('Nothing to fix automatically.', 'Nichts automatisch zu beheben.')
      : t(
          `--fix would fix ${fixes} ${fixes === 1 ? 'problem' : 'problems'} in ${files} ${files === 1 ? 'file' : 'files'} (the diff above); nothing was written.`,
          `--fix würde ${fixes} ${fixes === 1 ? 'Problem' : 'Probleme'} in ${files} ${files === 1 ? 'Datei' : 'Dateien'} beheben (der Diff oben); nichts wurde geschrieben.`,
        ),
  fixChangedMeanwhile: (file: string): Text =>
    t(
      `${file} changed while it was checked; it is left as it is. Run --fix again.`,
      `${file} hat sich während der Prüfung geändert; die Datei bleibt, wie sie ist. Führen Sie --fix erneut aus.`,
    ),
  fixUnwritable: (file: string, code: Text): Text =>
    t(`cannot write the fixes to '${file}' (${code.en}).`, `die Korrekturen lassen sich nicht nach '${file}' schreiben (${code.de}).`),
  fixBoth: (): Text => t('use either --fix or --fix-dry-run, not both.', 'verwenden Sie --fix oder --fix-dry-run, nicht beides.'),

  // Usage errors (exit 2).
  noCommand: (): Text => t('no command given.', 'kein Befehl angegeben.'),
  unknownCommand: (cmd: string): Text => t(`unknown command '${cmd}'.`, `unbekannter Befehl '${cmd}'.`),
  helpHint: (): Text => t("Run 'stratdoc --help' for usage.", "'stratdoc --help' zeigt, wie es geht."),
  checkHelpHint: (): Text => t("Run 'stratdoc check --help' for usage.", "'stratdoc check --help' zeigt, wie es geht."),
  unknownOption: (opt: string): Text => t(`unknown option '${opt}'.`, `unbekannte Option '${opt}'.`),
  missingValue: (opt: string): Text => t(`option '${opt}' needs a value.`, `Option '${opt}' braucht einen Wert.`),
  noValueAllowed: (opt: string): Text => t(`option '${opt}' takes no value.`, `Option '${opt}' nimmt keinen Wert.`),
  badFormat: (v: string): Text =>
    t(
      `unknown format '${v}': use stylish, json, sarif, github or markdown.`,
      `unbekanntes Format '${v}': verwenden Sie stylish, json, sarif, github oder markdown.`,
    ),
  badLang: (v: string): Text => t(`unknown language '${v}': use en or de.`, `unbekannte Sprache '${v}': verwenden Sie en oder de.`),
  badToday: (v: string): Text =>
    t(`'--today ${v}' is not a date: write YYYY-MM-DD, e.g. 2027-02-15.`, `'--today ${v}' ist kein Datum: schreiben Sie JJJJ-MM-TT, z. B. 2027-02-15.`),
  badJobs: (v: string): Text => t(`'--jobs ${v}' is not a whole number of 1 or more.`, `'--jobs ${v}' ist keine ganze Zahl ab 1.`),
  progressReading: (done: number, total: number): Text => t(`reading ${done}/${total} files`, `lese ${done}/${total} Dateien`),
  progressChecking: (documents: number): Text => t(`checking ${documents} documents`, `prüfe ${documents} Dokumente`),
  badNumber: (opt: string, v: string): Text => t(`'${opt} ${v}' is not a whole number of 0 or more.`, `'${opt} ${v}' ist keine ganze Zahl ab 0.`),
  internalError: (): Text =>
    t(
      `internal error. Please report this at ${REPO_URL}/issues, with what the same command prints with STRATDOC_DEBUG=1 set.`,
      `interner Fehler. Bitte melden Sie das unter ${REPO_URL}/issues, mit dem, was derselbe Befehl mit gesetztem STRATDOC_DEBUG=1 ausgibt.`,
    ),
  folderUnreadable: (p: string, code: string): Text =>
    t(`cannot read the folder ${p} (${reason(code).en}); it is skipped.`, `der Ordner ${p} lässt sich nicht lesen (${reason(code).de}); er wird übersprungen.`),

  // Labels.
  errorLabel: (): Text => t('error', 'Fehler'),
  warningLabel: (): Text => t('warning', 'Warnung'),

  // Skipped files (reported as rule "file").
  // Stylish.
  severityWord: (s: 'error' | 'warning' | 'information' | 'hint'): Text =>
    s === 'error' ? t('error', 'Fehler') : s === 'warning' ? t('warning', 'Warnung') : s === 'information' ? t('info', 'Hinweis') : t('hint', 'Tipp'),
  problems: (c: number): Text => n(c, ['problem', 'problems'], ['Problem', 'Probleme']),
  errors: (c: number): Text => n(c, ['error', 'errors'], ['Fehler', 'Fehler']),
  warnings: (c: number): Text => n(c, ['warning', 'warnings'], ['Warnung', 'Warnungen']),
  infos: (c: number): Text => n(c, ['info', 'infos'], ['Hinweis', 'Hinweise']),
  hints: (c: number): Text => n(c, ['hint', 'hints'], ['Tipp', 'Tipps']),
  clean: (docs: number): Text =>
    t(`No problems (${docs} ${docs === 1 ? 'document' : 'documents'} checked).`, `Keine Probleme (${docs} ${docs === 1 ? 'Dokument' : 'Dokumente'} geprüft).`),
  cleanQuiet: (docs: number): Text =>
    t(`No errors (${docs} ${docs === 1 ? 'document' : 'documents'} checked).`, `Keine Fehler (${docs} ${docs === 1 ? 'Dokument' : 'Dokumente'} geprüft).`),
  noDocuments: (): Text => t('No stratdoc documents found.', 'Keine stratdoc-Dokumente gefunden.'),
  unmarkedFiles: (files: string[]): Text => {
    const list = files.length > 5 ? `${files.slice(0, 5).join(', ')} (+${files.length - 5})` : files.join(', ');
    return files.length === 1
      ? t(
          `Not checked: ${list} looks like a plan or strategy but has no 'stratdoc:' marker.`,
          `Nicht geprüft: ${list} sieht aus wie ein Plan oder eine Strategie, hat aber keine Markierung 'stratdoc:'.`,
        )
      : t(
          `Not checked: ${files.length} files look like plans or strategies but have no 'stratdoc:' marker: ${list}.`,
          `Nicht geprüft: ${files.length} Dateien sehen aus wie Pläne oder Strategien, haben aber keine Markierung 'stratdoc:': ${list}.`,
        );
  },
  // Against a baseline (--baseline, --changed-since).
  newProblems: (c: number): Text => t(`${c} new ${c === 1 ? 'problem' : 'problems'}`, `${c} ${c === 1 ? 'neues Problem' : 'neue Probleme'}`),
  noNewProblems: (docs: number): Text =>
    t(
      `No new problems (${docs} ${docs === 1 ? 'document' : 'documents'} checked).`,
      `Keine neuen Probleme (${docs} ${docs === 1 ? 'Dokument' : 'Dokumente'} geprüft).`,
    ),
  baselineSummary: (fixed: number, unchanged: number, since?: string): Text =>
    t(
      `${fixed} fixed, ${unchanged} unchanged not shown${since ? ` (compared with ${since})` : ' (compared with the baseline)'}.`,
      `${fixed} behoben, ${unchanged} unveränderte nicht gezeigt${since ? ` (verglichen mit ${since})` : ' (verglichen mit der Baseline)'}.`,
    ),
  tooManyWarnings: (count: number, max: number): Text =>
    t(`stratdoc found too many warnings (${count}; maximum: ${max}).`, `stratdoc hat zu viele Warnungen gefunden (${count}; höchstens: ${max}).`),

  // SARIF.
  fileRuleDescription: (): Text =>
    t(
      'A file that looks like a stratdoc document but could not be checked (not UTF-8 text, too large, or unreadable).',
      'Eine Datei, die wie ein stratdoc-Dokument aussieht, aber nicht geprüft werden konnte (kein UTF-8-Text, zu groß oder nicht lesbar).',
    ),
};
