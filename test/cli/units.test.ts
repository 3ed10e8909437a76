/** The CLI's pieces on their own: argument parsing, escaping, language, file loading. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseArgs } from '../../server/src/cli/args';
import { CHECK_OPTIONS, isIsoDate, loadFiles, readCheckOptions } from '../../server/src/cli/check';
import { escapeData, escapeProperty } from '../../server/src/cli/format/github';
import { formatJson } from '../../server/src/cli/format/json';
import { writePieces } from '../../server/src/cli/format';
import type { CliDiagnostic } from '../../server/src/node/diagnostics';
import { formatSarif, pathToUriReference } from '../../server/src/cli/format/sarif';
import type { FormatContext } from '../../server/src/cli/format';
import { envLang, earlyLang } from '../../server/src/cli/io';
import { projectRoot } from '../../server/src/node/files';
import { ConfigResolver } from '../../server/src/core/config';
import { toUri } from '../../server/src/core/uri';
import { FIXTURES } from './harness';
import * as fs from 'node:fs';

/** Findings as a long run has them: German, quotes, a line break and a tab in a message, a status. */
function longRun(n: number): CliDiagnostic[] {
  return Array.from({ length: n }, (_, i) => ({
    file: i % 2 ? 'plaene/2027.plan.md' : 'strategie.md',
    line: i + 1,
    column: 3,
    endLine: i + 1,
    endColumn: 9,
    severity: i % 3 ? 'warning' : 'error',
    rule: 'date-format',
    message: `Datum „${i}.13.2027“ ist kein gültiges Datum: "TT.MM.JJJJ"\n\tschreiben`,
    fingerprint: `abc${i}:1`,
    ...(i % 5 ? {} : { status: 'new' as const }),
  }));
}

describe('cli units', () => {
  it('parses options in every spelling', () => {
    const r = parseArgs(['-f', 'json', '--lang=de', 'a', '--', '--not-an-option', '-q'], CHECK_OPTIONS);
    assert.ok(!('error' in r));
    assert.equal(r.options.get('format'), 'json');
    assert.equal(r.options.get('lang'), 'de');
    assert.deepEqual(r.positionals, ['a', '--not-an-option', '-q']);
    const s = parseArgs(['-fsarif', '-q', '--max-warnings', '3'], CHECK_OPTIONS);
    assert.ok(!('error' in s));
    assert.equal(s.options.get('format'), 'sarif');
    assert.equal(s.options.get('quiet'), true);
    assert.ok('error' in parseArgs(['--nope'], CHECK_OPTIONS));
    assert.ok('error' in parseArgs(['--today'], CHECK_OPTIONS));
  });

  it('validates option values', () => {
    assert.ok(isIsoDate('2027-02-28') && isIsoDate('2028-02-29'));
    assert.ok(!isIsoDate('2027-02-29') && !isIsoDate('2027-13-01') && !isIsoDate('27-02-01') && !isIsoDate('2027-2-1'));
    const o = readCheckOptions(['--max-warnings', '0']);
    assert.ok('maxWarnings' in o && o.maxWarnings === 0 && o.format === 'stylish' && o.paths[0] === '.');
    assert.ok('error' in readCheckOptions(['--format', 'JSON']));
  });

  it('escapes workflow commands as GitHub does', () => {
    assert.equal(escapeData('50% a\r\nb: c, d'), '50%25 a%0D%0Ab: c, d');
    assert.equal(escapeProperty('a,b:c%d\ne'), 'a%2Cb%3Ac%25d%0Ae');
  });

  it('writes the JSON output in pieces that make exactly the whole JSON.stringify text', () => {
    const list = longRun(2500);
    const writes: string[] = [];
    writePieces(formatJson(list), (s) => writes.push(s));
    const whole = writes.join('');
    assert.equal(whole, JSON.stringify(JSON.parse(whole), null, 2) + '\n');
    assert.equal(JSON.parse(whole).length, 2500);
    assert.equal(JSON.parse(whole)[5].status, 'new');
    // Written as it is made: several writes, none holding the whole text.
    assert.ok(writes.length > 3, `${writes.length} writes`);
    assert.ok(Math.max(...writes.map((w) => w.length)) < whole.length / 2);
    const none: string[] = [];
    writePieces(formatJson([]), (s) => none.push(s));
    assert.deepEqual(none, ['[]\n']);
  });

  it('writes the SARIF log in pieces that make exactly the whole JSON.stringify text', () => {
    // An unknown rule (no index into the rules) and a non-ASCII path too.
    const list = longRun(1200).map((d, i) => ({ ...d, file: i % 2 ? 'pläne/2027.plan.md' : d.file, rule: i % 4 ? d.rule : 'no-such-rule' }));
    const ctx = (all: CliDiagnostic[]): FormatContext => ({
      lang: 'de',
      colour: false,
      documents: 2,
      counts: { error: 0, warning: 0, information: 0, hint: 0 },
      quiet: false,
      version: '0.0.0-test',
      all,
      link: (f, l) => `${f}#L${l}`,
    });
    const writes: string[] = [];
    writePieces(formatSarif(list, ctx(list)), (s) => writes.push(s));
    const whole = writes.join('');
    assert.equal(whole, JSON.stringify(JSON.parse(whole), null, 2) + '\n');
    const log = JSON.parse(whole) as { runs: { results: { ruleId: string; ruleIndex?: number; message: { text: string } }[] }[] };
    assert.equal(log.runs[0].results.length, 1200);
    assert.equal(log.runs[0].results[1].message.text, list[1].message);
    assert.equal(log.runs[0].results[0].ruleIndex, undefined, 'an unknown rule has no index');
    assert.ok(writes.length > 3, `${writes.length} writes`);
    assert.ok(Math.max(...writes.map((w) => w.length)) < whole.length / 2);
    // No findings: the frame alone, an empty list of results.
    const empty = [...formatSarif([], ctx([]))].join('');
    assert.equal(empty, JSON.stringify(JSON.parse(empty), null, 2) + '\n');
    assert.deepEqual((JSON.parse(empty) as typeof log).runs[0].results, []);
  });

  it('SARIF URIs are encoded references', () => {
    assert.equal(pathToUriReference('pläne/q 1.plan.yaml'), 'pl%C3%A4ne/q%201.plan.yaml');
    assert.equal(pathToUriReference('../a#b.md'), '../a%23b.md');
  });

  it('reads the language of the environment in POSIX order', () => {
    assert.equal(envLang({ LANG: 'de_DE.UTF-8' }), 'de');
    assert.equal(envLang({ LANG: 'de' }), 'de');
    assert.equal(envLang({ LANG: 'C.UTF-8' }), 'en');
    assert.equal(envLang({ LANG: 'dev' }), 'en');
    assert.equal(envLang({ LANG: 'de_DE', LC_MESSAGES: 'en_GB' }), 'en');
    assert.equal(envLang({ LANG: 'en_US', LC_ALL: 'de_AT' }), 'de');
    assert.equal(envLang({}), undefined);
    assert.equal(earlyLang(['check', '--lang', 'de'], {}), 'de');
    assert.equal(earlyLang(['check', '--lang', 'xx'], { LANG: 'de_DE' }), 'de');
    assert.equal(earlyLang(['--', '--lang=de'], {}), 'en');
  });

  it('loads the strategy outside the given folder as context, not as a target', () => {
    const project = path.join(FIXTURES, 'project');
    const plaene = path.join(project, 'plaene');
    assert.equal(projectRoot(plaene, true), project);
    const configs = new ConfigResolver({
      readFile: (u) => {
        try {
          return fs.readFileSync(new URL(u), 'utf8');
        } catch {
          return undefined;
        }
      },
    });
    const { ws, targetUris } = loadFiles([{ abs: plaene, isDir: true, root: project }], [project], configs);
    const strategy = toUri(path.join(project, 'strategie.md'));
    const plan = toUri(path.join(plaene, 'q1.plan.yaml'));
    assert.ok(ws.get(strategy), 'the strategy is read');
    assert.ok(!targetUris.has(strategy), 'but not reported on');
    assert.ok(targetUris.has(plan));
    assert.equal(ws.projectOf(plan)?.strategy?.uri, strategy);
    // Documents in dot-folders are not read, not even as context.
    assert.ok(!ws.get(toUri(path.join(project, '.archiv', 'alt.plan.yaml'))));
  });
});
