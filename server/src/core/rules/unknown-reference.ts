import type { Rule, RuleContext } from './api';
import type { ItemKind, ParsedDocument, Ref } from '../model';
import { t, textAt, type Text } from '../text';
import { closest, idKey } from '../vocab';

type RefKind = 'goal' | 'kpi' | 'audience';

const NOUN: Record<RefKind, { one: Text; many: Text }> = {
  goal: { one: t('goal', 'Ziel'), many: t('Goals', 'Ziele') },
  kpi: { one: t('KPI', 'Kennzahl'), many: t('KPIs', 'Kennzahlen') },
  audience: { one: t('audience', 'Zielgruppe'), many: t('Audiences', 'Zielgruppen') },
};
/** "no defined goal" / "kein definiertes Ziel" (German gender). */
const NONE_DE: Record<RefKind, string> = { goal: 'kein definiertes Ziel', kpi: 'keine definierte Kennzahl', audience: 'keine definierte Zielgruppe' };
const NOT_DE: Record<RefKind, string> = { goal: 'kein Ziel', kpi: 'keine Kennzahl', audience: 'keine Zielgruppe' };
const IS_A: Record<ItemKind, Text> = {
  goal: t('a goal', 'ein Ziel'),
  kpi: t('a KPI', 'eine Kennzahl'),
  audience: t('an audience', 'eine Zielgruppe'),
  person: t('a team member', 'ein Teammitglied'),
  channel: t('a channel', 'ein Kanal'),
};

/** docs/rules/README.md: a reference to an ID that is not defined (goal, KPI, audience, channel), or a `strategy:` path to no strategy document */
export const rule: Rule = {
  meta: {
    id: 'unknown-reference',
    severity: 'error',
    scope: 'entry',
    description: t(
      "A reference names a goal, KPI or audience that the strategy does not define, or a plan's strategy: path leads to no strategy document.",
      'Ein Verweis nennt ein Ziel, eine Kennzahl oder eine Zielgruppe, die die Strategie nicht definiert, oder der strategy:-Pfad eines Plans führt zu keinem Strategiedokument.',
    ),
    fixable: true,
  },
  check(ctx) {
    const p = ctx.project;
    // A plan whose `strategy:` path leads nowhere (such a plan is a project of its own).
    for (const plan of p.plans) {
      const link = p.links.get(plan.uri);
      const sp = plan.plan?.strategyPath;
      if (link?.via !== 'broken' || !sp) continue;
      ctx.report({
        uri: plan.uri,
        range: sp.range,
        message: t(
          `'${sp.value}' names no strategy document: there is no such file, or it is not marked 'stratdoc: strategy'. The goals, KPIs, channels and people of this plan go unchecked until the path is right.`,
          `'${sp.value}' nennt kein Strategiedokument: Die Datei gibt es nicht, oder sie ist nicht mit 'stratdoc: strategy' gekennzeichnet. Ziele, Kennzahlen, Kanäle und Personen dieses Plans bleiben ungeprüft, bis der Pfad stimmt.`,
        ),
      });
    }
    const doc = p.strategy;
    const s = doc?.strategy;
    if (!doc || !s) return;
    const all = (d: ParsedDocument, refs: Ref[], kind: RefKind) => {
      for (const r of refs) check(ctx, d, r, kind, refs);
    };
    for (const g of s.goals) all(doc, g.kpis, 'kpi');
    for (const k of s.kpis) all(doc, k.goals, 'goal');
    for (const c of s.channels) {
      all(doc, c.goals, 'goal');
      all(doc, c.audiences, 'audience');
    }
    for (const plan of p.plans) {
      for (const e of plan.plan?.entries ?? []) {
        all(plan, e.goals, 'goal');
        all(plan, e.kpis, 'kpi');
        all(plan, e.audiences, 'audience');
      }
    }
  },
};

function check(ctx: RuleContext, doc: ParsedDocument, ref: Ref, kind: RefKind, siblings: Ref[]): void {
  const p = ctx.project;
  // A soft reference (a Content Pillar) counts only where it names a goal.
  if (ref.soft || p.lookup(kind, ref.id)) return;
  if (kind === 'goal' && !ID_LIKE.test(ref.id)) return byName(ctx, doc, ref);
  const ids = p.ids(kind);
  // Not an ID the same field already names: "A1, A2" with only A1 defined is no typo of A1.
  const near = closest(
    ref.id,
    ids.filter((id) => !siblings.some((x) => x !== ref && idKey(x.id) === idKey(id))),
  );
  // The same ID for an item of another kind of the shared namespace ("K1" as a goal).
  const other = (['goal', 'kpi', 'audience'] as RefKind[])
    .filter((k) => k !== kind)
    .map((k) => p.lookup(k, ref.id))
    .find((x) => x);
  const n = NOUN[kind];
  const known =
    near && ids.length === 1
      ? t('', '')
      : ids.length
        ? t(` ${n.many.en}: ${list(ids)}.`, ` ${n.many.de}: ${list(ids)}.`)
        : t(` The strategy defines no ${n.many.en.toLowerCase()} yet.`, ` Die Strategie definiert noch keine ${n.many.de}.`);
  const head = other
    ? t(`'${ref.id}' is ${IS_A[other.kind].en}, not ${IS_A[kind].en}.`, `'${ref.id}' ist ${IS_A[other.kind].de}, ${NOT_DE[kind]}.`)
    : t(`'${ref.id}' is not a defined ${n.one.en}.`, `'${ref.id}' ist ${NONE_DE[kind]}.`);
  const mean = near ? t(` Did you mean '${near}'?`, ` Meinten Sie '${near}'?`) : t('', '');
  // Fix only where the range holds exactly the reference (not a whole field of several).
  const written = textAt(doc.lines, ref.range);
  const fixable = near && idKey(written) === idKey(ref.id);
  ctx.report({
    uri: doc.uri,
    range: ref.range,
    message: t(`${head.en}${mean.en}${known.en}`, `${head.de}${mean.de}${known.de}`),
    fixes: fixable
      ? [
          {
            title: t(`Change to '${near}'`, `Ändern in '${near}'`),
            edits: [{ uri: doc.uri, edits: [{ range: ref.range, newText: written.startsWith('@') ? `@${near}` : near }] }],
            preferred: true,
          },
        ]
      : undefined,
  });
}

/** An ID as plans write one: letters and a number (`G1`, `Z-2`, `goal.3`). */
const ID_LIKE = /^[A-Za-z][A-Za-z_.-]*\d[A-Za-z0-9_.-]*$/;

/** A goal named by words that match no goal's title or type: which goals there are, by title. */
function byName(ctx: RuleContext, doc: ParsedDocument, ref: Ref): void {
  const goals = ctx.project.goals;
  const titled = goals.map((g) => `${g.id}${g.title ? ` (${g.title.value})` : ''}`);
  const shown = titled.length > 10 ? `${titled.slice(0, 10).join(', ')}, …` : titled.join(', ');
  ctx.report({
    uri: doc.uri,
    range: ref.range,
    message: goals.length
      ? t(
          `'${ref.id}' names no goal of the strategy: no goal has this ID, type or these words in its title. Goals: ${shown}.`,
          `'${ref.id}' nennt kein Ziel der Strategie: Kein Ziel hat diese ID, diese Art oder diese Wörter im Titel. Ziele: ${shown}.`,
        )
      : t(`'${ref.id}' names no goal: the strategy defines no goals yet.`, `'${ref.id}' nennt kein Ziel: Die Strategie definiert noch keine Ziele.`),
  });
}

function list(ids: string[]): string {
  return ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, …` : ids.join(', ');
}
