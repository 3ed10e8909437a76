import type { Rule } from './api';
import type { Kpi } from '../model';
import { kpiResult } from './no-business-result';
import type { Project } from '../project';
import type { Range } from '../text';
import { t } from '../text';
import { HOURS_RE, MONEY_RE, hasContent, isBudgetKey, moneyOf, targetCount } from '../vocab-practice';

/** `Budget: 12.000 € pro Jahr`, `- **Etat:** …`, `budget: 12000 EUR` (Markdown line or YAML key). */
const KEY_LINE = /^\s*(?:[-*+]\s+)?(?:#+\s*)?[*_`]*([\p{L}][\p{L} -]{1,40}?)[*_`]*\s*:[*_`]*\s*(.*)$/u;
const HEADING = /^\s{0,3}#{2,6}\s+(.+?)\s*#*\s*$/;

export interface Budget {
  /** The money amount when one is written, in the document's currency. */
  amount?: number;
  /** The text as written (for the preview). */
  raw: string;
  range: Range;
  /** Money, hours, or both stated. */
  money: boolean;
  hours: boolean;
}

/**
 * What a strategy says it may cost (docs/format.md "Budget"): a `Budget:`/`Ressourcen:`
 * key or a heading of those words with a money amount or hours under it, and the hours or
 * money of its channels' resources. Undefined when it says nothing of the kind.
 */
export function budgetOf(project: Project): Budget | undefined {
  const doc = project.strategy;
  if (!doc?.strategy) return undefined;
  return project.derived.of(doc, 'budget', () => {
    let found: Budget | undefined;
    const add = (raw: string, line: number) => {
      const money = MONEY_RE.test(raw);
      const hours = HOURS_RE.test(raw);
      if (!money && !hours) return;
      const r = doc.lines.rangeOf(doc.lines.lineStart(line), doc.lines.lineStart(line) + doc.lines.lineText(line).length);
      if (!found) found = { raw: raw.trim(), range: r, money, hours, amount: money ? moneyOf(raw) : undefined };
      else {
        if (money && found.amount === undefined) {
          found.amount = moneyOf(raw);
          found.raw = raw.trim();
          found.range = r;
        }
        found.money ||= money;
        found.hours ||= hours;
      }
    };
    let underBudgetHeading = false;
    for (let l = 0; l < doc.lines.lineCount; l++) {
      const s = doc.lines.lineText(l);
      const h = HEADING.exec(s);
      if (h) {
        underBudgetHeading = isBudgetKey(h[1]);
        continue;
      }
      const k = KEY_LINE.exec(s);
      if (k && isBudgetKey(k[1]) && hasContent(k[2])) add(k[2], l);
      else if (underBudgetHeading && s.trim()) add(s, l);
    }
    for (const c of doc.strategy!.channels) {
      if (c.resources && hasContent(c.resources.value)) {
        const raw = c.resources.value;
        if (MONEY_RE.test(raw) || HOURS_RE.test(raw)) add(raw, c.resources.range.start.line);
      }
    }
    return found;
  });
}

/**
 * docs/rules/missing-budget.md: a strategy that names neither a budget nor resources
 * (money or hours): nothing to weigh the effort against what it brings.
 */
export const rule: Rule = {
  meta: {
    id: 'missing-budget',
    severity: 'hint',
    local: true,
    scope: 'strategy',
    description: t(
      'The strategy names no budget and no resources (money or hours): nothing to weigh the effort against what it brings.',
      'Die Strategie nennt weder Budget noch Ressourcen (Geld oder Stunden): nichts, womit sich der Aufwand gegen den Ertrag abwägen lässt.',
    ),
  },
  check(ctx) {
    const doc = ctx.project.strategy;
    if (!doc?.strategy || budgetOf(ctx.project)) return;
    ctx.report({
      uri: doc.uri,
      range: doc.titleRange,
      message: t(
        "The strategy names no budget and no resources: what may social media cost in money and hours, against what it should bring? Add e.g. 'Budget: 6,000 € a year' and the hours per channel ('Resources: @anna, 4 h/week').",
        "Die Strategie nennt weder Budget noch Ressourcen: Was darf Social Media an Geld und Stunden kosten, gemessen an dem, was es bringen soll? Ergänzen Sie z. B. 'Budget: 6.000 € im Jahr' und die Stunden je Kanal ('Ressourcen: @anna, 4 h/Woche').",
      ),
    });
  },
};

/** One goal's cost per result: the budget over the period divided by a business KPI's target over it. */
export interface CostPerResult {
  kpi: string;
  /** The KPI's metric (else title) as written. */
  metric: string;
  /** Money per result, in the budget's currency. */
  cost: number;
  currency: string;
  budget: number;
  results: number;
}

const PER_MONTH = /(?:pro|je|per|a|\/)\s*(?:monat|month)\b|\bmonatlich\b|\bmonthly\b|\/\s*mon?\b/i;
const PER_WEEK = /(?:pro|je|per|a|\/)\s*(?:woche|week)\b|\bwöchentlich\b|\bweekly\b|\/\s*w(?:k)?\b/i;
const PER_YEAR = /(?:pro|je|per|a|im|\/)\s*(?:jahr|year)\b|\bjährlich\b|\byearly\b|\bannual(?:ly)?\b/i;

function currencyOf(raw: string): string {
  const m = /€|EUR|Euro|\$|USD|£|CHF/i.exec(raw);
  if (!m) return '€';
  const c = m[0].toUpperCase();
  return c === 'EUR' || c === 'EURO' ? '€' : c === 'USD' ? '$' : m[0];
}

/**
 * The cost per result of a goal's business KPIs (docs/rules/missing-budget.md): the
 * strategy's budget in money over its period (a monthly budget times the period's
 * months) divided by each KPI's numeric target over the same period (`40 pro Monat`
 * times the months). The whole budget stands against each goal: an upper bound, since
 * one budget serves all goals. Empty without a money budget or without such KPIs.
 */
export function costPerResult(project: Project, kpis: Kpi[]): CostPerResult[] {
  const b = budgetOf(project);
  if (!b || b.amount === undefined || !(b.amount > 0)) return [];
  const p = project.strategy?.period?.value;
  const months = p ? Math.max(1, Math.round(((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000 + 1) / 30.44)) : 12;
  const budget = PER_MONTH.test(b.raw) ? b.amount * months : PER_YEAR.test(b.raw) && p ? (b.amount * months) / 12 : b.amount;
  const out: CostPerResult[] = [];
  for (const k of kpis) {
    if (kpiResult(k) === undefined || !k.target) continue;
    const n = targetCount(k.target.value);
    if (!n) continue;
    const results = PER_MONTH.test(k.target.value) ? n * months : PER_WEEK.test(k.target.value) ? n * months * (30.44 / 7) : n;
    out.push({
      kpi: k.id,
      metric: k.metric?.value ?? k.title?.value ?? k.id,
      cost: budget / results,
      currency: currencyOf(b.raw),
      budget,
      results: Math.round(results),
    });
  }
  return out;
}
