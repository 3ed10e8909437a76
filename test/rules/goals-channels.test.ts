/**
 * What the goal, KPI and channel rules say: the fixtures pin where they fire, these
 * tests pin that the messages carry the names and numbers that make them useful, in
 * both languages, and what the undeclared-channel fix writes.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadWorkspace, allFindings } from '../helpers/fsworkspace';
import { applyEdits } from '../helpers/edits';
import type { Finding } from '../../server/src/core/engine';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { repoRoot } from '../helpers/repo';

const ROOT = path.join(repoRoot(), 'test/fixtures/rules');

function findings(rule: string, c: string): Finding[] {
  return allFindings(loadWorkspace(path.join(ROOT, rule, c)), '2027-02-15').filter((f) => f.rule === rule);
}

describe('goal, KPI and channel rules: messages and fixes', () => {
  it('have descriptions in both languages', () => {
    for (const id of [
      'no-primary-goal',
      'multiple-primary-goals',
      'goal-without-kpi',
      'kpi-without-goal',
      'vanity-kpis-only',
      'kpi-not-smart',
      'unlinked-goal',
      'channel-without-rationale',
      'unplanned-channel',
      'undeclared-channel',
    ]) {
      const d = RULES_BY_ID.get(id)!.meta.description;
      assert.ok(d.en && d.en !== 'TODO' && d.de && d.de !== 'TODO', id);
    }
  });

  it('no-primary-goal lists the goals and names step 3', () => {
    const [f] = findings('no-primary-goal', 'fires-en-yaml');
    assert.match(f.message.en, /3 goals \('G1', 'G2' and 'G3'\)/);
    assert.match(f.message.en, /Step 3/);
    assert.match(f.message.de, /3 Ziele \('G1', 'G2' und 'G3'\)/);
    assert.match(f.message.de, /Schritt 3/);
  });

  it('multiple-primary-goals names the first primary goal', () => {
    const fs = findings('multiple-primary-goals', 'fires-de-md');
    assert.equal(fs.length, 2);
    assert.match(fs[0].message.en, /'G2' is marked primary, but 'G1' already is/);
    assert.match(fs[1].message.de, /'G3' ist als Hauptziel markiert, aber 'G1'/);
  });

  it('kpi-not-smart names exactly what is missing', () => {
    const fs = findings('kpi-not-smart', 'fires-de-table');
    const k2 = fs.find((f) => f.message.en.includes("'K2'"))!;
    assert.match(k2.message.en, /no deadline or data source\./);
    assert.match(k2.message.de, /Es fehlen Frist und Datenquelle\./);
    assert.doesNotMatch(k2.message.de, /Zielwert|Ausgangswert/);
    const k3 = fs.find((f) => f.message.en.includes("'K3'"))!;
    assert.match(k3.message.de, /Zielwert, Ausgangswert, Frist und Datenquelle/);
    // "TBD" and "–" are placeholders, not values.
    const k4 = fs.find((f) => f.message.en.includes("'K4'"))!;
    assert.match(k4.message.en, /its target \('TBD'\) and baseline \('–'\) are only placeholders\./);
    assert.match(k4.message.de, /Zielwert \('TBD'\) und Ausgangswert \('–'\) sind nur Platzhalter\./);
    const [one] = findings('kpi-not-smart', 'fires-en-yaml');
    assert.match(one.message.de, /Es fehlt der Ausgangswert\./);
  });

  it('vanity-kpis-only lists the KPIs with their metrics and suggests metrics for the goal type', () => {
    const [conv] = findings('vanity-kpis-only', 'fires-de-md');
    assert.match(conv.message.de, /'K1' \(Reichweite\) und 'K2' \(Follower\)/);
    assert.match(conv.message.de, /Probefahrten/);
    assert.match(conv.message.en, /leads, test drives or sales/);
    const [hire] = findings('vanity-kpis-only', 'fires-en-yaml');
    assert.match(hire.message.en, /'K2' \(followers\)/);
    assert.match(hire.message.en, /applications/);
    assert.match(hire.message.de, /Bewerbungen/);
  });

  it('unlinked-goal names the plans and says when only cancelled entries served the goal', () => {
    const [f] = findings('unlinked-goal', 'fires-cancelled-en-yaml');
    assert.match(f.message.en, /q1\.plan\.yaml/);
    assert.match(f.message.en, /cancelled/);
    assert.match(f.message.de, /gestrichen/);
  });

  it('channel-without-rationale says which of why and resources is missing, with the channel as written', () => {
    const fs = findings('channel-without-rationale', 'fires-de-md');
    const byId = (s: string) => fs.find((f) => f.message.en.includes(`'${s}'`))!;
    assert.match(byId('LinkedIn').message.de, /keine Begründung/);
    assert.doesNotMatch(byId('LinkedIn').message.de, /Ressourcen/);
    assert.match(byId('TikTok').message.de, /keine Ressourcen/);
    assert.match(byId('Newsletter').message.en, /neither a reason .* nor resources/);
  });

  it('undeclared-channel suggests the closest channel in the style of the entry', () => {
    const cases: [string, string, string][] = [
      ['fires-de-md-table', 'Instagramm', 'Instagram'],
      ['fires-de-md-table', 'Linkdin', 'LinkedIn'],
      ['fires-en-yaml-lowercase', 'linkdin', 'linkedin'],
      ['fires-capitalised-md-plan', 'Instagramm', 'Instagram'],
      ['fires-en-quoted-yaml', 'Facebok', 'Facebook'],
      ['fires-en-yaml-lowercase', 'Insta', 'Instagram'],
    ];
    for (const [c, wrote, want] of cases) {
      const f = findings('undeclared-channel', c).find((x) => x.message.en.startsWith(`'${wrote}'`))!;
      assert.ok(f, `${c}: no finding for ${wrote}`);
      assert.match(f.message.en, new RegExp(`did you mean '${want}'\\?`));
      assert.match(f.message.de, new RegExp(`meinten Sie '${want}'\\?`));
      assert.equal(f.fixes?.length, 1);
      assert.equal(f.fixes[0].edits[0].edits[0].newText, want);
    }
    // Only the channel's word is replaced: "Instagramm Reels" becomes "Instagram Reels".
    const dir = path.join(ROOT, 'undeclared-channel', 'fires-capitalised-md-plan');
    const ws = loadWorkspace(dir);
    const [f] = findings('undeclared-channel', 'fires-capitalised-md-plan');
    const doc = ws.get(f.uri)!;
    const after = applyEdits(doc.text, f.fixes![0].edits[0].edits);
    assert.match(after, /\| Instagram Reels \|/);
    // No close channel: no fix, and the message lists the declared channels.
    const xing = findings('undeclared-channel', 'fires-de-md-table').find((x) => x.message.en.startsWith("'Xing'"))!;
    assert.equal(xing.fixes, undefined);
    assert.match(xing.message.en, /'Instagram' and 'LinkedIn'/);
  });
});
