/**
 * Every example of the CommonMark spec (652), placed into strategies and Markdown plans
 * at several spots, goes through the real core (parse, workspace, every rule): nothing
 * throws, nothing hangs (each case runs in a worker thread under a watchdog), every
 * range stays inside its document and every message exists in English and German.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import { FM_PLAN, FM_STRATEGY, PLAN, PLAN_MD, STRATEGY, STRATEGY_HEAD, STRATEGY_MD, STRATEGY_TAIL, planTable, planRow } from './docs';
import { describeResult, emptyWorkspace, repoRoot, runCorpus, serveCorpora, setAndCheck, show, type Corpus } from './harness';
import type { Workspace } from '../../server/src/core/workspace';

// Loaded from node_modules at run time (the package reads its spec.txt next to itself).
const examples: { markdown: string; number: number; section: string }[] = createRequire(path.join(repoRoot(), 'package.json'))('commonmark-spec').tests;

/** Where an example goes: into which document, and how. */
const PLACEMENTS: { name: string; uri: string; make(md: string): string }[] = [
  { name: 'strategy, after ## Ziele', uri: STRATEGY_MD, make: (md) => `${FM_STRATEGY}## Ziele\n${md}` },
  { name: 'strategy, body of a section', uri: STRATEGY_MD, make: (md) => `${STRATEGY_HEAD}## 2. Zuhören\n${md}${STRATEGY_TAIL}` },
  { name: 'strategy, inside a channel item', uri: STRATEGY_MD, make: (md) => `${STRATEGY}### LinkedIn\n${md}\n- Warum: B2B\n` },
  { name: 'plan, before a table', uri: PLAN_MD, make: (md) => `${FM_PLAN}${md}\n${planTable(3)}` },
  { name: 'plan, after a table', uri: PLAN_MD, make: (md) => `${FM_PLAN}# Plan\n\n${planTable(3)}${md}` },
  // Inside a long table, just after a slice boundary (the reader slices tables of more than 64 rows).
  { name: 'plan, inside a long table', uri: PLAN_MD, make: (md) => `${FM_PLAN}${planTable(66)}${md}${planRow(70)}${planRow(71)}` },
];

function corpus(): Corpus {
  let ws: Workspace | undefined;
  return {
    size: examples.length * PLACEMENTS.length,
    label(i) {
      const ex = examples[Math.floor(i / PLACEMENTS.length)];
      return `example ${ex.number} (${ex.section}), ${PLACEMENTS[i % PLACEMENTS.length].name}: ${show(ex.markdown)}`;
    },
    run(i) {
      const ex = examples[Math.floor(i / PLACEMENTS.length)];
      const p = PLACEMENTS[i % PLACEMENTS.length];
      if (!ws) {
        ws = emptyWorkspace({ cache: true });
        ws.set(STRATEGY_MD, STRATEGY);
        ws.set(PLAN_MD, PLAN);
      }
      // The other document stays valid; the one with the example changes.
      ws.set(p.uri === STRATEGY_MD ? PLAN_MD : STRATEGY_MD, p.uri === STRATEGY_MD ? PLAN : STRATEGY);
      const text = p.make(ex.markdown);
      setAndCheck(ws, p.uri, text);
      // The same text with CRLF line breaks.
      setAndCheck(ws, p.uri, text.replace(/\r?\n/g, '\r\n'));
      // And once per example on its own, in a fresh workspace without a chunk cache.
      if (i % PLACEMENTS.length === 0) setAndCheck(emptyWorkspace(), p.uri, text);
    },
  };
}

serveCorpora({ commonmark: corpus });

if (isMainThread) {
  describe('robustness: CommonMark spec examples', () => {
    it(`has the spec's examples`, () => assert.ok(examples.length >= 600, `only ${examples.length} examples`));
    it(`${PLACEMENTS.length} placements of every example: no throw, no hang, ranges inside`, async function () {
      this.timeout(20 * 60 * 1000);
      const r = await runCorpus(__filename, 'commonmark', corpus, { hangMs: 30000 });
      assert.equal(r.failures.length + r.hangs.length, 0, describeResult('CommonMark', r));
      assert.equal(r.ran, examples.length * PLACEMENTS.length);
    });
  });
}
