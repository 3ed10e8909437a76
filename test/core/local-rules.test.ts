/**
 * Rules marked `local` (RuleMeta.local) find in a document what they find there whatever
 * else the workspace holds: the server shows their findings before the workspace is
 * indexed (docs/decisions.md "Request flow"). Proved here on every fixture workspace,
 * every example and a generated corpus: each document checked alone gives exactly the
 * local findings it gets in the whole workspace.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Workspace } from '../../server/src/core/workspace';
import { ALL_RULES } from '../../server/src/core/rules';
import { checkLocal, type Finding } from '../../server/src/core/engine';
import { loadWorkspace, describe1, fixtureWorkspaces } from '../helpers/fsworkspace';
import { repoRoot } from '../helpers/repo';
import { generateCorpus } from '../bench/corpus';

const LOCAL = new Set(ALL_RULES.filter((r) => r.meta.local).map((r) => r.meta.id));
const TODAY = '2027-02-15';

function key(list: Finding[], dir: string): string[] {
  return list
    .filter((f) => LOCAL.has(f.rule))
    .map((f) => `${describe1(f, dir)} ${f.severity} ${f.message.en}`)
    .sort();
}

function compare(dir: string): number {
  const full = loadWorkspace(dir);
  const all = full.check(TODAY);
  let n = 0;
  for (const d of [...full.documents()]) {
    const where = `${path.relative(repoRoot(), dir)}: ${d.uri}`;
    const local = key(all.get(d.uri) ?? [], dir);
    // In a workspace of its own…
    const alone = new Workspace(full.configs);
    alone.set(d.uri, d.text);
    assert.deepEqual(key(alone.check(TODAY).get(d.uri) ?? [], dir), local, where);
    // …and as the server checks it while the workspace is read: alone, local rules only.
    const own = checkLocal(d, { today: TODAY, configFor: (u) => full.configs.forDocument(u) });
    assert.ok(
      own.every((f) => f.uri === d.uri && LOCAL.has(f.rule)),
      where,
    );
    assert.deepEqual(key(own, dir), local, where);
    n++;
  }
  return n;
}

describe('local rules: a document alone gets the local findings the whole workspace gives it', function () {
  this.timeout(120000);

  it('has local rules, and not all rules are local', function () {
    assert.ok(LOCAL.size >= 10);
    assert.ok(LOCAL.size < ALL_RULES.length);
    assert.ok(!LOCAL.has('unknown-reference') && !LOCAL.has('unlinked-goal'));
  });

  it('on every fixture workspace and example @slow', function () {
    let n = 0;
    for (const dir of fixtureWorkspaces()) n += compare(dir);
    assert.ok(n > 50, `only ${n} documents compared`);
  });

  it('on a generated corpus of linked strategies and plans @slow', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-local-'));
    try {
      generateCorpus(dir, { strategies: 12, entries: 40, seed: 5 });
      assert.ok(compare(dir) >= 24);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
