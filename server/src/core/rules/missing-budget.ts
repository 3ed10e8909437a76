import type { Rule } from './api';
import type { ParsedDocument } from '../model';
import type { Project } from '../project';
import type { Range } from '../text';
import { t } from '../text';
import { HOURS_RE, MONEY_RE, hasContent, isBudgetKey, moneyOf } from '../vocab-practice';

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
  return memo(doc, () => {
    let found: Budget | undefined;
    const add = (raw: string, line: number) => {
      const money = MONEY_RE.test(raw);
      const hours = HOURS_RE.test(raw);
      if (!money && !hours) return;
      const r = doc.lines.rangeOf(doc.lines.lineStarts[line], doc.lines.lineStarts[line] + doc.lines.lineText(line).length);
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

const MEMO = new WeakMap<ParsedDocument, { v: Budget | undefined }>();
function memo(doc: ParsedDocument, f: () => Budget | undefined): Budget | undefined {
  let m = MEMO.get(doc);
  if (!m) MEMO.set(doc, (m = { v: f() }));
  return m.v;
}

/**
 * docs/rules/missing-budget.md: a strategy that names neither a budget nor resources
 * (money or hours): nothing to weigh the effort against what it brings.
 */
export const rule: Rule = {
  meta: {
    id: 'missing-budget',
    severity: 'hint',
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
