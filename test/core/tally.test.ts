/**
 * What the tallying rules keep between checks (core/plan/tally.ts, docs/decisions.md
 * "Memory"): a group's members in document order, and contributions that are made again
 * to take an entry out, so they must be what they were when it was put in.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCorpus } from '../bench/corpus';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { ALL_RULES } from '../../server/src/core/rules';
import { Members, before as comesBefore } from '../../server/src/core/plan/tally';
import type { PlanEntry } from '../../server/src/core/model';
import { rng } from '../helpers/rng';

describe('tallies', function () {
  this.timeout(120_000);
  let dir: string;
  let ws: Workspace;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-tally-'));
    generateCorpus(dir, { strategies: 2, entries: 300, seed: 11 });
    ws = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: true });
    for (const f of (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).filter((f) => /\.(md|yaml)$/.test(f)))
      ws.set('file://' + path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const plans = () => ws.projects().flatMap((project) => project.plans.map((doc) => ({ project, doc })));

  it('Members gives the first member in document order and the count after adds and removes in any order', () => {
    const r = rng(5);
    let runs = 0;
    for (const { doc } of plans()) {
      const entries = doc.plan?.entries ?? [];
      if (entries.length < 20) continue;
      runs++;
      const m = new Members();
      const counted = new Members(false);
      const held = new Set<PlanEntry>();
      for (let step = 0; step < 600; step++) {
        const e = entries[Math.floor(r() * entries.length)];
        if (held.has(e)) {
          m.remove(e);
          counted.remove(e);
          held.delete(e);
        } else {
          m.add(e);
          counted.add(e);
          held.add(e);
        }
        let first: PlanEntry | undefined;
        for (const x of held) if (!first || comesBefore(x, first)) first = x;
        assert.equal(m.first, first, `${path.basename(doc.uri)}, step ${step}`);
        assert.equal(m.size, held.size);
        assert.equal(counted.size, held.size);
      }
      assert.throws(() => counted.first, /counted only/);
    }
    assert.ok(runs >= 2, `${runs} plans`);
  });

  it('a contribution made again from the same entry says what it said (the engine takes entries out with it)', () => {
    const tallying = ALL_RULES.filter((rule) => rule.tally);
    assert.ok(tallying.length >= 5, `${tallying.length} tallying rules`);
    let some = 0;
    for (const { project, doc } of plans())
      for (const rule of tallying)
        for (const e of doc.plan?.entries ?? []) {
          const once = rule.tally!.contribution(project, doc, e);
          if (once !== undefined) some++;
          assert.deepEqual(rule.tally!.contribution(project, doc, e), once, `${rule.meta.id} in ${path.basename(doc.uri)}`);
        }
    assert.ok(some > 1000, `${some} contributions`);
  });
});
