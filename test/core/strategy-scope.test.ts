/**
 * Rules that read the strategy alone (RuleMeta.scope `strategy`, core/rules/strategy-scope.ts)
 * run once per reading of the strategy: a keystroke in a plan reuses what they found
 * (docs/decisions.md "What a keystroke costs"). Proved here: on every fixture workspace
 * and example, each such rule finds in the server-style workspace (memo) exactly what it
 * finds in a plain check of the whole project, and only in the strategy; a plan edit does
 * not run it again; an edit of the strategy or another `today` does.
 */
import * as assert from 'node:assert/strict';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import { ALL_RULES } from '../../server/src/core/rules';
import type { Rule } from '../../server/src/core/rules/api';
import type { Finding } from '../../server/src/core/engine';
import { loadWorkspace, describe1, fixtureWorkspaces } from '../helpers/fsworkspace';
import { FM_PLAN, planTable, STRATEGY } from '../robustness/docs';

const SCOPED = ALL_RULES.filter((r) => r.meta.scope === 'strategy');
const IDS = new Set(SCOPED.map((r) => r.meta.id));
const TODAY = '2027-02-15';

const said = (m: Map<string, Finding[]>, dir: string): string[] =>
  [...m.values()]
    .flat()
    .filter((f) => IDS.has(f.rule))
    .map((f) => `${describe1(f, dir)} ${f.severity} ${f.message.en} ${JSON.stringify(f.fixes ?? null)}`)
    .sort();

/** Each rule wrapped to count its runs (the engine still dispatches on the same metadata). */
function counted(): { rules: Rule[]; runs: Map<string, number> } {
  const runs = new Map<string, number>();
  const rules = ALL_RULES.map((r) =>
    r.meta.scope === 'strategy'
      ? {
          ...r,
          check: (ctx: Parameters<Rule['check']>[0]) => {
            runs.set(r.meta.id, (runs.get(r.meta.id) ?? 0) + 1);
            r.check(ctx);
          },
        }
      : r,
  );
  return { rules, runs };
}

describe('rules that read the strategy alone run once per reading of the strategy', function () {
  this.timeout(120000);

  it('are local rules of the strategy (and not every local rule is one)', () => {
    assert.ok(SCOPED.length >= 15, `${SCOPED.length} strategy-scoped rules`);
    for (const r of SCOPED) assert.ok(r.meta.local, `${r.meta.id} is local`);
    assert.ok(!IDS.has('syntax') && !IDS.has('schema') && !IDS.has('unknown-reference'));
  });

  it('find what a plain check finds, and only in strategies, on every fixture workspace and example @slow', () => {
    let compared = 0;
    let found = 0;
    for (const dir of fixtureWorkspaces()) {
      const plain = loadWorkspace(dir);
      const want = said(plain.check(TODAY), dir);
      // The server's workspace: the same files read with the cache and the engine's memo.
      const server = new Workspace(plain.configs, { cache: true });
      for (const d of plain.documents()) server.set(d.uri, d.text);
      const got = server.check(TODAY);
      assert.deepEqual(said(got, dir), want, dir);
      // Twice: the second check takes what the first found.
      assert.deepEqual(said(server.check(TODAY), dir), want, `${dir}, checked again`);
      for (const [uri, list] of got)
        for (const f of list) if (IDS.has(f.rule)) assert.equal(server.get(uri)?.kind, 'strategy', `${describe1(f, dir)} is in a strategy`);
      compared++;
      found += want.length;
    }
    assert.ok(compared > 30 && found > 30, `${compared} workspaces, ${found} findings`);
  });

  it('a plan keystroke runs none of them; an edit of the strategy or another day runs them again; another configuration applies', () => {
    const files: Record<string, string> = {
      'file:///ws/.stratdoc.yaml': 'rules: {}\n',
    };
    const { rules, runs } = counted();
    const configs = new ConfigResolver({ readFile: (u) => files[u] }, { roots: ['file:///ws/'] });
    const ws = new Workspace(configs, { cache: true, rules });
    const S = 'file:///ws/strategie.md';
    const P = 'file:///ws/q1.plan.md';
    // A strategy with placeholders and a KPI without a target, so that several rules speak.
    const strategy = STRATEGY.replace(/(## [^\n]*\n)/, '$1\nTBD\n');
    ws.set(S, strategy);
    let plan = `${FM_PLAN}# Redaktionsplan Q1\n\n${planTable(20)}`;
    ws.set(P, plan);
    const first = ws.check(TODAY);
    const total = () => [...runs.values()].reduce((a, b) => a + b, 0);
    assert.equal(total(), SCOPED.length, 'each ran once');
    const mine = (m: Map<string, Finding[]>) => (m.get(S) ?? []).filter((f) => IDS.has(f.rule));
    assert.ok(mine(first).length > 0, 'the strategy has findings of these rules');
    for (let i = 0; i < 5; i++) {
      const at = plan.indexOf('Beitrag 7') + 3;
      plan = plan.slice(0, at) + 'x' + plan.slice(at);
      ws.set(P, plan);
      const next = ws.check(TODAY);
      assert.equal(total(), SCOPED.length, `keystroke ${i}: none ran again`);
      assert.deepEqual(mine(next), mine(first), `keystroke ${i}: the same findings`);
    }
    // Another day: each runs again (a rule may speak of dates).
    ws.check('2027-03-01');
    assert.equal(total(), 2 * SCOPED.length);
    // An edit of the strategy: what a fresh check of the new text finds.
    const edited = strategy.replace('TBD', 'TODO\n\nfolgt');
    ws.set(S, edited);
    const after = ws.check(TODAY);
    assert.equal(total(), 3 * SCOPED.length);
    const fresh = new Workspace(configs);
    fresh.set(S, edited);
    fresh.set(P, plan);
    const ser = (l: Finding[]) => l.map((f) => `${f.rule} ${JSON.stringify(f.range)} ${f.severity} ${f.message.en}`).sort();
    assert.deepEqual(ser(mine(after)), ser(mine(fresh.check(TODAY))));
    // Another configuration (the server reads the documents again then; here a keystroke
    // in the plan): the kept reports are filtered again under it, without a run.
    const rule = mine(after)[0].rule;
    files['file:///ws/.stratdoc.yaml'] = `rules:\n  ${rule}: information\n`;
    configs.invalidate();
    ws.set(P, plan.replace('Beitrag 3', 'Beitrag 3y'));
    const changed = mine(ws.check(TODAY)).filter((f) => f.rule === rule);
    assert.ok(changed.length > 0 && changed.every((f) => f.severity === 'information'), `${rule}: the new severity applies`);
    assert.equal(total(), 3 * SCOPED.length, 'and no rule ran again');
    // The plan's first cross-post (the engine then gives a row's findings once): the kept
    // reports are all still given, as a fresh check gives them.
    plan = plan.replace('| instagram |', '| instagram, facebook |');
    ws.set(P, plan);
    const crossed = ws.check(TODAY);
    const ref = new Workspace(configs);
    ref.set(S, edited);
    ref.set(P, plan);
    const all = (m: Map<string, Finding[]>) => ser([...m.values()].flat());
    assert.deepEqual(all(crossed), all(ref.check(TODAY)), 'after the first cross-post');
    assert.ok(mine(crossed).length > 1);
  });
});
