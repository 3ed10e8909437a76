/**
 * `stratdoc convert` (docs/cli.md "Convert"), through the built CLI.
 *
 * The round trip: for every wild shape (test/fixtures/shapes/<shape>/wild: Markdown and
 * YAML, German and English; test/fixtures/csv: Excel, Google Sheets, Airtable) each plan
 * and strategy is converted to YAML and to Markdown, the converted file takes the
 * original's place beside the other documents, and the folder gives the same findings:
 * the same rule about the same subject (a plan row by date and title, a strategy item by
 * ID, a section by its keys) with the same kind of message, as often as before; lines and
 * columns may differ (docs/decisions.md "Convert"). Converting the converted file again
 * gives it back byte for byte (a fixed point).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, run as spawnCli, hashTree } from './harness';
import { run as runCli } from '../../server/src/cli/run';
import { allFindings, loadWorkspace } from '../helpers/fsworkspace';
import { subject } from '../helpers/subject';
import { messageKey } from '../../server/src/core/fingerprint';
import { parseDocument } from '../../server/src/core/parse';
import type { ParsedDocument } from '../../server/src/core/model';
import { comparePos, LineIndex, type Position } from '../../server/src/core/text';
import { markerEdit } from '../../server/src/core/recognize';

const TODAY = '2027-01-10';

/**
 * The CLI in this process (the same run() that dist/cli.js calls) for the many conversions
 * of the round trip; the spawned dist/cli.js for exit codes, output and writing.
 */
function run(args: string[], opts: { cwd?: string } = {}): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { cwd: opts.cwd ?? REPO, env: {}, stdout: (x) => void (stdout += x), stderr: (x) => void (stderr += x), stdoutIsTTY: false });
  return { code, stdout, stderr };
}
const FIX = path.join(REPO, 'test', 'fixtures');

function tmpCopy(src: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-convert-'));
  fs.cpSync(src, dir, { recursive: true });
  return dir;
}

/**
 * A finding as the round trip compares it: rule, what it is about and the kind of its
 * message, with what the message quotes from the document ('in Arbeit' → 'draft') left out.
 * A plan finding is about its row; a strategy finding about the item whose ID it points
 * at, else the strategy (a whole-strategy finding may stand at another heading).
 */
function findingKeys(dir: string): string[] {
  const ws = loadWorkspace(dir, {}, { csv: true });
  return allFindings(ws, TODAY)
    .map((f) => {
      const doc = ws.get(f.uri)!;
      const about = doc.plan ? subject(ws, f) : `strategy|${strategyItemAt(doc, f.range.start)}`;
      // Quoted words and handles as the document writes them; the hint where a missing section
      // goes names a Markdown heading or a YAML key, whichever the strategy is.
      const kind = messageKey(f.message)
        .replace(/'[^']*'|"[^"]*"|‘[^’]*’|„[^“]*“/g, "'…'")
        .replace(/@[\w.-]+/g, '@…')
        .replace(/a top-level key '…'/g, "a section '…'");
      return `${about} | ${f.rule} | ${kind}`;
    })
    .sort();
}

function strategyItemAt(doc: ParsedDocument, p: Position): string {
  const s = doc.strategy;
  if (!s) return '';
  const it = [...s.people, ...s.goals, ...s.kpis, ...s.audiences, ...s.channels].find(
    (x) => comparePos(x.idRange.start, p) <= 0 && comparePos(p, x.idRange.end) <= 0,
  );
  return it ? `${it.kind} ${it.id.toLowerCase()}` : '';
}

/** The documents of a fixture folder: marked or named plans and strategies, and CSV plans. */
function documentsOf(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((n) => {
      if (!/\.(md|ya?ml|csv)$/i.test(n) || n.startsWith('.')) return false;
      const text = fs.readFileSync(path.join(dir, n), 'utf8');
      return parseDocument(`file:///x/${n}`, text) !== undefined;
    })
    .sort();
}

function convertedName(name: string, to: 'yaml' | 'md'): string {
  return `${name.replace(/\.(plan|strategy)\.(md|ya?ml|csv)$/i, '').replace(/\.(md|ya?ml|csv)$/i, '')}.converted.${to}`;
}

const SHAPES = [
  ...fs
    .readdirSync(path.join(FIX, 'shapes'))
    .sort()
    .map((s) => path.join('shapes', s, 'wild')),
  ...['excel-de', 'sheets-en', 'airtable-en'].map((s) => path.join('csv', s)),
];

describe('cli: stratdoc convert', function () {
  this.timeout(120_000);

  describe('round trip: the converted file gives the same findings, and converting it again changes nothing', () => {
    for (const shape of SHAPES) {
      for (const doc of documentsOf(path.join(FIX, shape))) {
        for (const to of ['yaml', 'md'] as const) {
          it(`${shape}/${doc} → ${to}`, () => {
            const dir = tmpCopy(path.join(FIX, shape));
            try {
              const before = findingKeys(dir);
              const out = convertedName(doc, to);
              const r = run(['convert', doc, '--to', to, '--out', out], { cwd: dir });
              assert.equal(r.code, 0, r.stderr);
              assert.match(r.stdout, new RegExp(`written to ${out.replace(/\./g, '\\.')}`));
              const converted = fs.readFileSync(path.join(dir, out), 'utf8');
              assert.match(converted, to === 'md' ? /^---\nstratdoc: (plan|strategy)\n/ : /^stratdoc: (plan|strategy)\n/);
              fs.rmSync(path.join(dir, doc));
              const after = findingKeys(dir);
              assert.deepEqual(after, before, `findings differ after converting ${doc}:\n${converted}`);
              const again = run(['convert', out, '--to', to], { cwd: dir });
              assert.equal(again.code, 0, again.stderr);
              assert.equal(again.stdout, converted, 'converting the converted file is a fixed point');
            } finally {
              fs.rmSync(dir, { recursive: true, force: true });
            }
          });
        }
      }
    }
  });

  it('has wild shapes of every format and both languages to convert', () => {
    const docs = SHAPES.flatMap((s) => documentsOf(path.join(FIX, s)));
    for (const ext of ['.md', '.yaml', '.csv'])
      assert.ok(
        docs.some((d) => d.endsWith(ext)),
        ext,
      );
    assert.ok(SHAPES.some((s) => s.includes('de')) && SHAPES.some((s) => s.includes('en')));
  });

  it('writes the canonical form: ISO dates, status enum, IDs for names, a cross-post as one row with its channels', () => {
    const cwd = tmpCopy(path.join(FIX, 'csv', 'excel-de'));
    const r = spawnCli(['convert', 'redaktionsplan-q1-2027.plan.csv', '--to', 'yaml'], { cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^stratdoc: plan\ntitle: redaktionsplan-q1-2027\nlanguage: de\nentries:\n/);
    assert.match(
      r.stdout,
      /  - date: 2027-01-19\n    channel:\n      - instagram\n      - facebook\n    format: Reel\n    title: Ein Tag in der Backstube\n    goal: G1\n    owner: anna\n    status: draft\n/,
    );
    // A name the strategy does not know stays as written, so `check` still reports it.
    assert.match(r.stdout, /goal: Umsatz\n    owner: Klaus\n    status: approved\n/);
    const md = spawnCli(['convert', 'redaktionsplan-q1-2027.plan.csv', '--to', 'md'], { cwd });
    fs.rmSync(cwd, { recursive: true, force: true });
    assert.match(
      md.stdout,
      /\| Datum \| Kanal \| Format \| Thema \| Ziel \| Verantwortlich \| Status \|\n\|---\|---\|---\|---\|---\|---\|---\|\n\| 2027-01-19 \| Instagram, Facebook \| Reel \| Ein Tag in der Backstube \| G1 \| @anna \| Entwurf \|\n/,
    );
  });

  it('converts documents without a marker, read as what they look like', () => {
    for (const sub of ['plans', 'strategies']) {
      // A copy outside the repository: inside it, the project root would be the repository.
      const dir = tmpCopy(path.join(FIX, 'recognition', sub));
      for (const name of fs.readdirSync(dir).sort()) {
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        for (const to of ['yaml', 'md'] as const) {
          const r = run(['convert', name, '--to', to], { cwd: dir });
          assert.equal(r.code, 0, `${name}: ${r.stderr}`);
          const kind = sub === 'plans' ? 'plan' : 'strategy';
          const doc = parseDocument(`file:///x/converted.${to}`, r.stdout)!;
          assert.ok(doc, `${name} → ${to} is a document`);
          assert.equal(doc.kind, kind, name);
          // The original as it reads once marked (the quick fix's marker edit).
          const m = markerEdit(text, name.endsWith('.md') ? 'markdown' : 'yaml', kind);
          const at = new LineIndex(text).offsetAt({ line: m.line, character: m.character });
          const orig = parseDocument(`file:///x/${name}`, text.slice(0, at) + m.newText + text.slice(at))!;
          // Nothing new to complain about; what the original could not read as a value (an
          // unknown status word) is reported alike. An item the reader rejected (a YAML goal
          // without id) is not in the model, so not converted: check reports it on the original.
          const before = new Set(orig.problems.map((p) => p.message.en));
          assert.deepEqual(
            doc.problems.map((p) => p.message.en).filter((m) => !before.has(m)),
            [],
            `${name} → ${to}:\n${r.stdout}`,
          );
          for (const p of orig.problems)
            if (!/has no id/.test(p.message.en))
              assert.ok(
                doc.problems.some((q) => q.message.en === p.message.en),
                `${name} → ${to} keeps: ${p.message.en}`,
              );
          if (kind === 'plan') assert.equal(doc.plan!.entries.length, orig.plan!.entries.length, name);
          else {
            const s = (d: typeof doc) => ({
              goals: d.strategy!.goals.map((g) => g.id),
              kpis: d.strategy!.kpis.map((k) => k.id),
              channels: d.strategy!.channels.map((c) => c.id),
            });
            assert.deepEqual(s(doc), s(orig), name);
          }
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps columns it does not know under their own names', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-convert-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'q1.plan.csv'),
        'Datum;Kanal;Thema;Notizen;Budget (€)\r\n12.01.2027;Instagram;Backstube;"Foto bei ""Tageslicht""";120\r\n',
      );
      const y = run(['convert', 'q1.plan.csv', '--to', 'yaml'], { cwd: dir });
      assert.match(y.stdout, /    Notizen: Foto bei "Tageslicht"\n    Budget \(€\): "?120"?\n/);
      const m = run(['convert', 'q1.plan.csv', '--to', 'md'], { cwd: dir });
      assert.match(m.stdout, /\| Datum \| Kanal \| Thema \| Notizen \| Budget \(€\) \|\n/);
      const doc = parseDocument('file:///x/q1.yaml', y.stdout)!;
      assert.deepEqual(
        doc.plan!.entries[0].fields.filter((f) => !f.name).map((f) => f.key),
        ['Notizen', 'Budget (€)'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes --out through the safe writer and never over an input; names the strategy from the new folder', () => {
    const dir = tmpCopy(path.join(FIX, 'csv', 'excel-de'));
    try {
      const before = hashTree(dir);
      for (const out of ['redaktionsplan-q1-2027.plan.csv', './x/../redaktionsplan-q1-2027.plan.csv', 'strategie.md', 'redaktionsplan.md']) {
        const r = spawnCli(['convert', 'redaktionsplan-q1-2027.plan.csv', '--to', 'md', '--out', out], { cwd: dir });
        assert.equal(r.code, 2, out);
        assert.match(r.stderr, /is one of the files read; refusing to overwrite it/, out);
      }
      assert.equal(hashTree(dir), before, 'nothing written');
      fs.mkdirSync(path.join(dir, 'plaene'));
      const r = spawnCli(['convert', 'redaktionsplan-q1-2027.plan.csv', '--to', 'yaml', '--out', 'plaene/q1.yaml'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'Plan written to plaene/q1.yaml (4 rows).\n');
      assert.match(fs.readFileSync(path.join(dir, 'plaene/q1.yaml'), 'utf8'), /\nstrategy: \.\.\/strategie\.md\n/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly what is wrong: usage, an unreadable or unrecognised file, a broken CSV', () => {
    const top = tmpCopy(path.join(FIX, 'csv'));
    fs.cpSync(path.join(FIX, 'ordinary', 'README.md'), path.join(top, 'README.md'));
    const cwd = path.join(top, 'excel-de');
    const cases: [string[], number, RegExp][] = [
      [['convert', 'strategie.md'], 2, /say what to convert to: --to yaml or --to md/],
      [['convert', 'strategie.md', '--to', 'pdf'], 2, /cannot convert to 'pdf': write --to yaml or --to md/],
      [['convert', '--to', 'md'], 2, /convert takes exactly one file/],
      [['convert', 'strategie.md', 'redaktionsplan.md', '--to', 'md'], 2, /convert takes exactly one file/],
      [['convert', '.', '--to', 'md'], 2, /convert takes exactly one file/],
      [['convert', 'fehlt.md', '--to', 'md'], 2, /path not found: fehlt\.md/],
      [['convert', '../README.md', '--to', 'md'], 2, /does not look like an editorial plan or a strategy/],
      [['convert', '../sheets-en/budget.csv', '--to', 'yaml'], 2, /does not look like an editorial plan or a strategy/],
      [['convert', 'strategie.md', '--to', 'md', '--bogus'], 2, /unknown option/],
    ];
    for (const [args, code, re] of cases) {
      const r = run(args, { cwd });
      assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, re, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
      assert.doesNotMatch(r.stderr, /TypeError|at .*\.js:\d+/);
    }
    const broken = spawnCli(['convert', 'kaputt.plan.csv', '--to', 'yaml'], { cwd: path.join(top, 'broken') });
    assert.equal(broken.code, 1, broken.stderr);
    assert.match(broken.stderr, /kaputt\.plan\.csv has a syntax error: what could not be read is not in the converted file/);
    assert.match(broken.stdout, /^stratdoc: plan\n/);
    const de = spawnCli(['convert', 'strategie.md', '--to', 'pdf', '--lang', 'de'], { cwd });
    assert.match(de.stderr, /nach 'pdf' lässt sich nicht umwandeln/);
    const help = spawnCli(['convert', '--help'], { cwd });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: stratdoc convert FILE --to yaml\|md/);
    fs.rmSync(top, { recursive: true, force: true });
  });
});
