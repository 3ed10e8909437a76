/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. One run; the driver
 * lists every rule of the catalog (plus the pseudo-rule `file` for files that could not be
 * checked) so that `ruleIndex` is stable. Locations are relative to `%SRCROOT%` (the
 * current folder, which in CI is the repository's root); columns count UTF-16 code units.
 */
import type { Severity } from '../../core/rules/api';
import { docsUrl } from '../../core/rules/api';
import { ALL_RULES } from '../../core/rules';
import type { CliDiagnostic } from '../../node/diagnostics';
import { FILE_RULE } from '../../node/diagnostics';
import { CLI_DOCS_URL, M, REPO_URL } from '../messages';
import type { FormatContext } from './index';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The name of stratdoc's fingerprint in `partialFingerprints` (versioned: a new scheme gets a new name). */
export const FINGERPRINT_KEY = 'stratdoc/v1';

export type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(s: Severity): SarifLevel {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** Percent-encodes each segment of a relative path, keeping `/` (a URI reference). */
export function pathToUriReference(file: string): string {
  return file
    .split('/')
    .map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg)))
    .join('/');
}

/** Stands for the results in the log's frame; what surrounds it is written around them. */
const RESULTS = '@@stratdoc-sarif-results@@';
/** How deep a result stands in the log (log > runs > run > results): its indent in `JSON.stringify(log, null, 2)`. */
const RESULT_INDENT = '        ';

/**
 * `--format sarif`: one SARIF 2.1.0 log, written in pieces (the frame, then a piece per
 * result), so thousands of findings are never held as one text (docs/decisions.md
 * "Memory"); the text is exactly `JSON.stringify(log, null, 2)` of the whole log.
 */
export function* formatSarif(diagnostics: CliDiagnostic[], ctx: FormatContext): Generator<string> {
  const lang = ctx.lang;
  const rules = ALL_RULES.map((r) => ({
    id: r.meta.id,
    shortDescription: { text: r.meta.description[lang] },
    helpUri: docsUrl(r.meta.id),
    defaultConfiguration: { level: sarifLevel(r.meta.severity) },
  }));
  rules.push({
    id: FILE_RULE,
    shortDescription: { text: M.fileRuleDescription()[lang] },
    helpUri: `${CLI_DOCS_URL}#files-that-cannot-be-checked`,
    defaultConfiguration: { level: 'warning' },
  });
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = diagnostics.map((d) => {
    const ruleIndex = index.get(d.rule);
    return {
      ruleId: d.rule,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: sarifLevel(d.severity),
      message: { text: d.message },
      // GitHub code scanning follows an alert by this across line shifts (docs/cli.md "Fingerprints").
      partialFingerprints: { [FINGERPRINT_KEY]: d.fingerprint },
      ...(d.status ? { baselineState: d.status } : {}),
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToUriReference(d.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stratdoc',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: REPO_URL,
            rules,
          },
        },
        language: lang,
        columnKind: 'utf16CodeUnits',
        results: results.length ? [RESULTS] : [],
      },
    ],
  };
  const frame = JSON.stringify(log, null, 2) + '\n';
  const at = frame.indexOf(`"${RESULTS}"`);
  if (at < 0) {
    yield frame;
    return;
  }
  yield frame.slice(0, at);
  for (let i = 0; i < results.length; i++) yield (i ? `,\n${RESULT_INDENT}` : '') + JSON.stringify(results[i], null, 2).replace(/\n/g, `\n${RESULT_INDENT}`);
  yield frame.slice(at + RESULTS.length + 2);
}
