import type { Rule } from './api';
import type { Goal, Kpi } from '../model';
import { t, type Text } from '../text';
import { GOAL_TYPES, enumLabel, metricClassOf } from '../vocab';
import { BUSINESS_GOALS, RESULT_KINDS, resultKindOf, type ResultKind } from '../vocab-practice';
import { itemLabel, joinList, sectionAnchor } from '../query';

/** The business result a KPI measures (its metric, else its title), from the vocabulary table. */
export function kpiResult(k: Kpi): ResultKind | undefined {
  const m = k.metric?.value;
  // A metric the vocabulary knows decides ("Klicks" on "Klicks auf das Probefahrt-Formular"
  // is no test drive); an unknown one ("Anzahl") leaves it to the title.
  if (m && metricClassOf(m) !== 'unknown') return resultKindOf(m);
  return resultKindOf(m ?? '') ?? resultKindOf(k.title?.value ?? '');
}

/**
 * The result kinds a goal is after: by its type (sales, loyalty, service, recruiting),
 * else by the result its title names ("mehr Probefahrten"). Undefined for a goal that is
 * not about a business result (awareness, consideration, advocacy).
 */
export function businessKinds(g: Goal): ResultKind[] | undefined {
  if (g.type) return BUSINESS_GOALS[g.type.value];
  const named = resultKindOf(g.title?.value ?? '') ?? resultKindOf(g.description?.value ?? '');
  return named ? [named] : undefined;
}

function kindsText(kinds: ResultKind[]): Text {
  const labels = kinds.map((k) => RESULT_KINDS.find((r) => r.key === k)!.label);
  return t(
    joinList(
      labels.map((l) => l.en),
      'en',
      true,
    ),
    joinList(
      labels.map((l) => l.de),
      'de',
      true,
    ),
  );
}

/**
 * docs/rules/no-business-result.md: a goal about a business result whose KPIs measure only
 * attention or interaction, and a strategy none of whose KPIs measures a business result.
 * A goal whose KPIs are all vanity metrics is vanity-kpis-only's finding, not this one.
 */
export const rule: Rule = {
  meta: {
    id: 'no-business-result',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'A business goal (sales, leads, loyalty, service, recruiting) is measured only by attention and interaction, or no KPI of the strategy measures a business result.',
      'Ein Geschäftsziel (Abverkauf, Leads, Kundenbindung, Service, Recruiting) wird nur mit Aufmerksamkeit und Interaktion gemessen, oder keine Kennzahl der Strategie misst ein Geschäftsergebnis.',
    ),
  },
  check(ctx) {
    const { project } = ctx;
    const doc = project.strategy;
    if (!doc?.strategy) return;
    let goalFindings = 0;
    for (const g of project.goals) {
      const kinds = businessKinds(g);
      if (!kinds?.length) continue;
      const kpis = project.kpisOfGoal(g);
      if (!kpis.length || kpis.every((k) => k.metricClass === 'vanity')) continue;
      if (kpis.some((k) => kpiResult(k) !== undefined)) continue;
      const list = kpis.map((k) => {
        const m = k.metric?.value ?? k.title?.value;
        return m ? `'${k.id}' (${m})` : `'${k.id}'`;
      });
      const what = g.type
        ? t(`a ${enumLabel(GOAL_TYPES, g.type.value, 'en')} goal`, `ein Ziel der Art ${enumLabel(GOAL_TYPES, g.type.value, 'de')}`)
        : t('about a business result', 'ein Geschäftsziel');
      const better = kindsText(kinds);
      const one = kpis.length === 1;
      goalFindings++;
      ctx.report({
        uri: g.uri,
        range: g.idRange,
        message: t(
          `Goal ${itemLabel(g)} is ${what.en}, but ${one ? 'its KPI' : 'its KPIs'} ${joinList(list, 'en')} ${one ? 'measures' : 'measure'} only attention and interaction: add a KPI that ties it to the result, such as ${better.en}.`,
          `Das Ziel ${itemLabel(g)} ist ${what.de}, aber ${one ? 'seine Kennzahl' : 'seine Kennzahlen'} ${joinList(list, 'de')} ${one ? 'misst' : 'messen'} nur Aufmerksamkeit und Interaktion: Ergänzen Sie eine Kennzahl, die es mit dem Ergebnis verbindet, etwa ${better.de}.`,
        ),
        data: { goal: g.id, kinds },
      });
    }
    // The strategy as a whole: one finding where no KPI measures any business result and
    // no goal finding above already says so.
    if (goalFindings || !project.kpis.length || project.kpis.some((k) => kpiResult(k) !== undefined)) return;
    ctx.report({
      uri: doc.uri,
      range: sectionAnchor(doc, 'kpis'),
      message: t(
        `None of the ${project.kpis.length} KPIs measures a business result: reach, followers and engagement show attention, not what social media brings the business. Add at least one KPI for conversions, leads, revenue, retention, tickets deflected or applications.`,
        `Keine der ${project.kpis.length} Kennzahlen misst ein Geschäftsergebnis: Reichweite, Follower und Interaktionen zeigen Aufmerksamkeit, nicht was Social Media dem Unternehmen bringt. Ergänzen Sie mindestens eine Kennzahl für Abschlüsse, Leads, Umsatz, Kundenbindung, vermiedene Servicekontakte oder Bewerbungen.`,
      ),
    });
  },
};
