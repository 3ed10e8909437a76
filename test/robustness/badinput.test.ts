/**
 * Bad input: bytes that are not UTF-8, binary files, files over `maxFileSize`, a YAML
 * syntax error in one plan, a rule that throws, and pathological text (deep nesting,
 * huge lines, wide tables, thousands of `@`, unmatched fences, CRLF and BOM, tabs,
 * emoji and lone surrogates). The pathological texts run in a worker thread under a
 * watchdog: nothing throws or hangs, every range stays inside its document.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { decodeText, parseDocument } from '../../server/src/core/parse';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { ALL_RULES } from '../../server/src/core/rules';
import type { Rule } from '../../server/src/core/rules/api';
import { t } from '../../server/src/core/text';
import type { Finding } from '../../server/src/core/engine';
import { FM_PLAN, PLAN, PLAN_HEADER, PLAN_MD, PLAN_YAML, PLAN_YAML_TEXT, STRATEGY, STRATEGY_MD, STRATEGY_YAML, STRATEGY_YAML_TEXT, WS } from './docs';
import { TODAY, checkInvariants, describeResult, emptyWorkspace, repoRoot, runCorpus, serveCorpora, setAndCheck, type Corpus } from './harness';

import { BAD } from './badcases';
import { fixAll } from '../../server/src/core/fixall';
import { exportRows, toCsv, toIcs } from '../../server/src/core/export';

function badCorpus(): Corpus {
  return {
    size: BAD.length,
    label: (i) => `${BAD[i].name} (${BAD[i].uri})`,
    run(i) {
      const b = BAD[i];
      const text = b.text();
      const ws = emptyWorkspace({ cache: true });
      if (b.uri !== STRATEGY_MD) ws.set(STRATEGY_MD, STRATEGY);
      if (b.uri !== PLAN_MD) ws.set(PLAN_MD, PLAN);
      if (b.uri !== STRATEGY_YAML) ws.set(STRATEGY_YAML, STRATEGY_YAML_TEXT);
      if (b.uri !== PLAN_YAML) ws.set(PLAN_YAML, PLAN_YAML_TEXT);
      setAndCheck(ws, b.uri, text);
      if (text.length > 20_000) return;
      // Edited once more (a cached re-parse), and on its own in a fresh workspace.
      setAndCheck(ws, b.uri, text + '\n');
      setAndCheck(emptyWorkspace(), b.uri, text);
      // Fix-all and the exports: no throw, no hang; fix-all leaves a document whose
      // findings still keep every invariant, and edits no other document.
      const others = new Map([...ws.documents()].filter((d) => d.uri !== b.uri).map((d) => [d.uri, d.text]));
      const fixed = fixAll(ws, new Set([b.uri]), { today: TODAY });
      for (const u of fixed.changed.keys()) if (u !== b.uri) throw new Error(`fix-all edited ${u}`);
      for (const [u, x] of others) if (ws.get(u)?.text !== x) throw new Error(`fix-all changed ${u}`);
      const { problems } = checkInvariants(ws);
      if (problems.length) throw new Error(`after fix-all: ${problems.slice(0, 4).join('\n')}`);
      const rows = exportRows(ws.projects());
      for (const text of [toIcs(rows, { name: 'x', lang: 'de', stamp: new Date(0) }), toCsv(rows, 'de'), toCsv(rows, 'en')]) {
        if (typeof text !== 'string' || !text.length) throw new Error('an export gave no text');
      }
    },
  };
}

serveCorpora({ bad: badCorpus });

// ------------------------------------------------------------------ main-thread tests

function workspaceWith(config: string | undefined, rules?: Rule[]): Workspace {
  const configs = new ConfigResolver({ readFile: (uri) => (uri === `${WS}.stratdoc.yaml` ? config : undefined) }, { roots: [WS] });
  return new Workspace(configs, { rules });
}

const key = (f: Finding) => `${f.uri} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.rule} ${f.message.en}`;

if (isMainThread) {
  describe('robustness: bad input', () => {
    it('decodeText: Latin-1 bytes are an encoding error, NUL bytes binary, UTF-8 with BOM text', () => {
      const latin1 = Buffer.from('---\nstratdoc: strategy\n---\n# Größenwahn für Kühe\n', 'latin1');
      assert.deepEqual(decodeText(latin1), { error: 'encoding' });
      const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      assert.deepEqual(decodeText(binary), { error: 'binary' });
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('stratdoc: plan\n')]);
      assert.deepEqual(decodeText(withBom), { text: 'stratdoc: plan\n' });
      assert.deepEqual(decodeText(new Uint8Array(0)), { text: '' });
      // A multi-byte character cut at the end of the file is not UTF-8 either.
      assert.deepEqual(decodeText(Buffer.from('Kanal: 📸', 'utf8').subarray(0, -1)), { error: 'encoding' });
    });

    it('the committed bad-input fixtures read and check without problems', () => {
      const dir = path.join(repoRoot(), 'test/fixtures/badinput');
      const ws = emptyWorkspace();
      let n = 0;
      for (const f of fs.readdirSync(dir)) {
        if (!/\.(md|ya?ml)$/.test(f)) continue;
        const decoded = decodeText(fs.readFileSync(path.join(dir, f)));
        assert.ok('text' in decoded, `${f}: ${JSON.stringify(decoded)}`);
        assert.ok(ws.set(`${WS}${f}`, decoded.text), `${f} is not read as a document`);
        n++;
      }
      assert.ok(n >= 4);
      const { problems } = checkInvariants(ws);
      assert.deepEqual(problems, []);
    });

    it('a CRLF document has exactly the findings of its LF twin', () => {
      for (const [uri, text, others] of [
        [STRATEGY_MD, STRATEGY, [[PLAN_MD, PLAN]]],
        [PLAN_MD, PLAN, [[STRATEGY_MD, STRATEGY]]],
        [STRATEGY_YAML, STRATEGY_YAML_TEXT, [[PLAN_YAML, PLAN_YAML_TEXT]]],
        [PLAN_YAML, PLAN_YAML_TEXT.replace('owner: anna', 'owner: @anna'), [[STRATEGY_YAML, STRATEGY_YAML_TEXT]]],
        [`${WS}fences.strategy.md`, fs.readFileSync(path.join(repoRoot(), 'test/fixtures/badinput/unmatched-fences.strategy.md'), 'utf8'), []],
        [`${WS}emoji.strategy.md`, fs.readFileSync(path.join(repoRoot(), 'test/fixtures/badinput/emoji.strategy.md'), 'utf8'), []],
      ] as [string, string, [string, string][]][]) {
        const run = (s: string) => {
          const ws = emptyWorkspace();
          for (const [u, x] of others) ws.set(u, x);
          ws.set(uri, s);
          const { problems, findings } = checkInvariants(ws);
          assert.deepEqual(problems, []);
          return findings
            .filter((f) => f.uri === uri)
            .map(key)
            .sort();
        };
        const lf = run(text);
        assert.ok(lf.length > 0, `${uri} has findings to compare`);
        assert.deepEqual(run(text.replace(/\n/g, '\r\n')), lf, `${uri}: CRLF findings differ from LF`);
      }
    });

    it('a BOM changes no finding of a document', () => {
      for (const [uri, text] of [
        [STRATEGY_MD, STRATEGY],
        [PLAN_YAML, PLAN_YAML_TEXT],
        [STRATEGY_YAML, STRATEGY_YAML_TEXT],
      ]) {
        const rules = (s: string) => {
          const ws = emptyWorkspace();
          assert.ok(ws.set(uri, s), `${uri} not detected${s.startsWith('\uFEFF') ? ' with a BOM' : ''}`);
          const { problems, findings } = checkInvariants(ws);
          assert.deepEqual(problems, []);
          return findings.map((f) => `${f.rule} ${f.range.start.line}`).sort();
        };
        assert.deepEqual(rules('\uFEFF' + text), rules(text), uri);
      }
    });

    it('a file over maxFileSize is skipped with exactly one message, also when set twice', () => {
      const ws = workspaceWith('maxFileSize: 2 KB\n');
      const big = STRATEGY + '\n' + 'Fülltext '.repeat(400);
      assert.ok(big.length > 2048);
      assert.equal(ws.set(STRATEGY_MD, big), undefined);
      assert.equal(ws.set(STRATEGY_MD, big), undefined);
      const skipped = ws.skippedFiles();
      assert.equal(skipped.length, 1, JSON.stringify(skipped));
      assert.equal(skipped[0].uri, STRATEGY_MD);
      assert.ok(skipped[0].message.en.trim() && skipped[0].message.de.trim());
      assert.equal(ws.get(STRATEGY_MD), undefined);
      assert.equal([...ws.check(TODAY).keys()].includes(STRATEGY_MD), false);
      // A large ordinary file is no document and gets no message.
      assert.equal(ws.set(`${WS}README.md`, '# Readme\n' + 'Text '.repeat(1000)), undefined);
      assert.equal(ws.skippedFiles().length, 1);
      // Shrunk again, the document is back and the message gone.
      assert.ok(ws.set(STRATEGY_MD, STRATEGY));
      assert.equal(ws.skippedFiles().length, 0);
      // The default limit (5 MB) holds as well.
      const ws2 = workspaceWith(undefined);
      const huge = PLAN_YAML_TEXT + '#'.repeat(5 * 1024 * 1024);
      assert.equal(ws2.set(PLAN_YAML, huge), undefined);
      assert.equal(ws2.set(PLAN_YAML, huge), undefined);
      assert.equal(ws2.skippedFiles().length, 1);
    });

    it('a YAML syntax error in one plan leaves the rest of the workspace checked', () => {
      const good = `${FM_PLAN}${PLAN_HEADER}| 2027-01-12 | instagram | reel | Ohne Verantwortliche | Dialog | G1 |  | @dirk | geplant |\n`;
      const build = (broken: string | undefined) => {
        const ws = emptyWorkspace();
        ws.set(STRATEGY_MD, STRATEGY);
        ws.set(`${WS}gut.plan.md`, good);
        if (broken !== undefined) ws.set(`${WS}kaputt.plan.yaml`, broken);
        const { problems, findings } = checkInvariants(ws);
        assert.deepEqual(problems, []);
        return findings;
      };
      const broken =
        'stratdoc: plan\nstrategy: strategie.md\nentries:\n  - date: 2027-01-12\n    title: "nicht geschlossen\n  - { date: 2027-01-13, title: [x\n';
      const without = build(undefined);
      const withBroken = build(broken);
      assert.ok(
        withBroken.some((f) => f.uri === `${WS}kaputt.plan.yaml` && f.rule === 'syntax'),
        'the syntax error is reported',
      );
      const other = (l: Finding[]) =>
        l
          .filter((f) => f.uri === `${WS}gut.plan.md`)
          .map(key)
          .sort();
      assert.ok(other(without).length > 0, 'the good plan has findings to compare');
      assert.deepEqual(other(withBroken), other(without));
      assert.ok(
        withBroken.some((f) => f.uri === STRATEGY_MD),
        'the strategy is still checked',
      );
      // A YAML strategy with a syntax error still gets its other findings, and its plans theirs.
      const ws = emptyWorkspace();
      ws.set(STRATEGY_YAML, STRATEGY_YAML_TEXT + 'channels: [\n');
      ws.set(PLAN_YAML, PLAN_YAML_TEXT.replace('owner: anna\n', ''));
      const r = checkInvariants(ws);
      assert.deepEqual(r.problems, []);
      assert.ok(r.findings.some((f) => f.uri === STRATEGY_YAML && f.rule === 'syntax'));
      assert.ok(
        r.findings.some((f) => f.uri === PLAN_YAML),
        'the plan of a broken strategy is still checked',
      );
    });

    it('a rule that throws yields one "failed internally" finding; the other rule still reports', () => {
      const docs: [string, string][] = [
        [STRATEGY_MD, STRATEGY],
        [PLAN_MD, PLAN.replace('| @anna | @dirk |', '| @anna | @anna |')],
        [PLAN_YAML, PLAN_YAML_TEXT.replace('owner: anna\n', '')],
      ];
      // A real rule that has something to say about these documents.
      const all = emptyWorkspace();
      for (const [u, x] of docs) all.set(u, x);
      const reported = new Set(checkInvariants(all).findings.map((f) => f.rule));
      const real = ALL_RULES.find((r) => reported.has(r.meta.id) && r.meta.id !== 'syntax' && r.meta.id !== 'schema');
      assert.ok(real, 'some rule reports on the test documents');
      const boom: Rule = {
        meta: { id: 'boom', severity: 'warning', description: t('Throws.', 'Wirft.') },
        check(ctx) {
          ctx.report({ uri: ctx.project.documents[0].uri, range: ctx.project.documents[0].titleRange, message: t('before the throw', 'vor dem Wurf') });
          throw new TypeError('kaputt');
        },
      };
      const ws = new Workspace(new ConfigResolver({ readFile: () => undefined }, { roots: [WS] }), { rules: [boom, real] });
      for (const [u, x] of docs) ws.set(u, x);
      const findings = [...ws.check(TODAY).values()].flat();
      const projects = ws.projects().length;
      const failed = findings.filter((f) => f.rule === 'boom');
      assert.equal(failed.length, projects, `one failure per project: ${failed.map((f) => f.message.en).join('; ')}`);
      for (const f of failed) {
        assert.match(f.message.en, /failed internally/);
        assert.doesNotMatch(`${f.message.en} ${f.message.de}`, /kaputt|TypeError/, 'no JavaScript error text in the message');
        assert.match(String(f.data?.internal), /TypeError: kaputt/, 'the error is kept for the log');
        assert.ok(f.message.de.trim());
        assert.ok(!findings.some((x) => x.message.en === 'before the throw'), 'findings of the failed run are dropped');
      }
      assert.ok(
        findings.some((f) => f.rule === real.meta.id),
        `${real.meta.id} still reports`,
      );
      assert.deepEqual(
        findings
          .filter((f) => f.rule === real.meta.id)
          .map(key)
          .sort(),
        checkInvariants(all)
          .findings.filter((f) => f.rule === real.meta.id)
          .map(key)
          .sort(),
      );
    });

    it('ordinary files with odd bytes are never documents', () => {
      for (const [name, text] of [
        ['README.md', '\uFEFF# x\r\n'],
        ['notes.md', '\u0000\u0001binary'],
        ['x.yaml', '@@@: ['],
      ]) {
        assert.equal(parseDocument(`${WS}${name}`, text), undefined, name);
      }
    });

    it(`${BAD.length} pathological texts: no throw, no hang, ranges inside, none slow`, async function () {
      this.timeout(15 * 60 * 1000);
      // Wall-clock time on a shared machine varies a lot: a hang is a case without a result
      // after two minutes; slower cases than 10 s are only listed.
      const r = await runCorpus(__filename, 'bad', badCorpus, { hangMs: 120_000, slowMs: 10_000 });
      if (r.slow.length) console.log(`    slow bad-input cases (wall clock):\n${r.slow.map((s) => `      ${s.ms} ms  ${s.label}`).join('\n')}`);
      assert.equal(r.failures.length + r.hangs.length, 0, describeResult('bad input', r));
    });
  });
}
