/**
 * Real-world shapes (FORMAT.md "How an existing document is read"): every folder
 * test/fixtures/shapes/<shape>/ holds `wild/` (a strategy and a plan as teams write them
 * before stratdoc: spreadsheet columns, numbered goals, KPI bullets, first names, short
 * dates, status emoji, cross-posts) and `canonical/` (the same content in stratdoc's own
 * format). `wild/expect.txt` lists every finding of the wild pair, `file:line:col rule`.
 *
 * The twin test: both give the same findings, compared by what each is about (the goal,
 * KPI, channel or person of a strategy by its ID, a plan row by its date and title, a
 * section by its keys) and by rule. A cross-post row is one row in the wild plan and one
 * row per channel in the canonical one; a finding about the row is given once for it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadWorkspace, allFindings, describe1 } from '../helpers/fsworkspace';
import { subject } from '../helpers/subject';
import { repoRoot } from '../helpers/repo';
import type { Finding } from '../../server/src/core/engine';
import type { Workspace } from '../../server/src/core/workspace';

const ROOT = path.join(repoRoot(), 'test/fixtures/shapes');
const TODAY = '2027-01-10';

function findings(dir: string): { ws: Workspace; list: Finding[] } {
  const ws = loadWorkspace(dir);
  return { ws, list: allFindings(ws, TODAY) };
}

function expected(dir: string): string[] {
  return fs
    .readFileSync(path.join(dir, 'expect.txt'), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

describe('real-world shapes', () => {
  const shapes = fs
    .readdirSync(ROOT)
    .filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory())
    .sort();
  it('has shapes to test', () => assert.ok(shapes.length >= 4, shapes.join(', ')));
  for (const shape of shapes) {
    describe(shape, () => {
      const wild = path.join(ROOT, shape, 'wild');
      const canonical = path.join(ROOT, shape, 'canonical');

      it('the wild documents give exactly the findings of expect.txt', () => {
        const { list } = findings(wild);
        const got = list.map((f) => describe1(f, wild)).sort();
        assert.deepEqual(got, expected(wild).sort(), list.map((f) => `  ${describe1(f, wild)}: ${f.message.en}`).join('\n'));
      });

      it('read nothing wrong: no syntax or schema finding, every document found and linked', () => {
        const { ws, list } = findings(wild);
        assert.deepEqual(
          list.filter((f) => f.rule === 'syntax' || f.rule === 'schema').map((f) => `${describe1(f, wild)} ${f.message.en}`),
          [],
        );
        assert.equal(list.filter((f) => f.rule === 'missing-strategy').length, 0);
        const docs = [...ws.documents()];
        assert.ok(docs.some((d) => d.kind === 'strategy') && docs.some((d) => d.kind === 'plan'), 'a strategy and a plan');
      });

      it('gives the same findings as its canonical twin', () => {
        const a = findings(wild);
        const b = findings(canonical);
        const keys = (x: { ws: Workspace; list: Finding[] }) => [...new Set(x.list.map((f) => `${subject(x.ws, f)} ${f.rule}`))].sort();
        assert.deepEqual(keys(a), keys(b));
      });

      it('reads the same model as its canonical twin', () => {
        const a = findings(wild).ws;
        const b = findings(canonical).ws;
        const model = (ws: Workspace) => {
          const docs = [...ws.documents()];
          const s = docs.find((d) => d.kind === 'strategy')!.strategy!;
          const rows = new Set<string>();
          for (const d of docs)
            for (const e of d.plan?.entries ?? []) {
              rows.add(
                [
                  e.isoDate,
                  e.time?.value,
                  e.channel?.id,
                  e.title?.value,
                  e.status?.value,
                  e.owner ? 'owner' : '',
                  e.reviewer ? 'reviewer' : '',
                  e.goals.length,
                ].join(' | '),
              );
            }
          return {
            goals: s.goals.map((g) => `${g.id} ${g.title?.value} ${g.type?.value} ${!!g.primary?.value}`),
            kpis: s.kpis.map((k) => `${k.id} ${k.title?.value} ${k.metricClass} ${k.target?.value ?? ''} ${k.deadline?.value ?? ''}`),
            channels: s.channels.map((c) => c.id),
            people: s.people.map((p) => `${p.id} ${p.title?.value ?? ''}`),
            // KPIs written under their goals are step 4 without a section (missing-step).
            steps: [...new Set([...s.sections.flatMap((x) => x.keys), ...(s.kpis.length ? ['kpis'] : [])])].sort(),
            entries: docs.reduce((n, d) => n + (d.plan?.entries.length ?? 0), 0),
            rows: [...rows].length,
          };
        };
        const ma = model(a);
        const mb = model(b);
        assert.deepEqual({ ...ma, people: ma.people.map((p) => p.split(' ')[0]) }, { ...mb, people: mb.people.map((p) => p.split(' ')[0]) });
      });
    });
  }
});
