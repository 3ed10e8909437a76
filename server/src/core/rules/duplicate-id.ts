import type { Rule } from './api';
import type { Item, ItemKind } from '../model';
import { comparePos, t, textAt, type Text } from '../text';
import { idKey } from '../vocab';

const A: Record<ItemKind, Text> = {
  person: t('a team member', 'ein Teammitglied'),
  goal: t('a goal', 'ein Ziel'),
  kpi: t('a KPI', 'eine Kennzahl'),
  audience: t('an audience', 'eine Zielgruppe'),
  channel: t('a channel', 'einen Kanal'),
};
const EVERY: Record<ItemKind, Text> = {
  person: t('every team member', 'jedes Teammitglied'),
  goal: t('every goal', 'jedes Ziel'),
  kpi: t('every KPI', 'jede Kennzahl'),
  audience: t('every audience', 'jede Zielgruppe'),
  channel: t('every channel', 'jeder Kanal'),
};
const THIS: Record<ItemKind, Text> = {
  person: t('this team member', 'dieses Teammitglied'),
  goal: t('this goal', 'dieses Ziel'),
  kpi: t('this KPI', 'diese Kennzahl'),
  audience: t('this audience', 'diese Zielgruppe'),
  channel: t('this channel', 'dieser Kanal'),
};

/** docs/rules/README.md: two items with the same ID in one strategy */
export const rule: Rule = {
  meta: {
    id: 'duplicate-id',
    severity: 'error',
    local: true,
    scope: 'strategy',
    description: t(
      'Two items of a strategy have the same ID (goals, KPIs and audiences share one set of IDs; people and channels have their own).',
      'Zwei Elemente einer Strategie haben dieselbe ID (Ziele, Kennzahlen und Zielgruppen teilen sich die IDs; Personen und Kanäle haben eigene).',
    ),
  },
  check(ctx) {
    const doc = ctx.project.strategy;
    const s = doc?.strategy;
    if (!doc || !s) return;
    // Namespaces: goals, KPIs and audiences share one; people and channels each their own.
    const spaces: Item[][] = [[...s.goals, ...s.kpis, ...s.audiences], s.people, s.channels];
    for (const items of spaces) {
      const byKey = new Map<string, Item[]>();
      for (const it of [...items].sort((a, b) => comparePos(a.idRange.start, b.idRange.start))) {
        const k = idKey(it.id);
        const list = byKey.get(k);
        if (list) list.push(it);
        else byKey.set(k, [it]);
      }
      for (const list of byKey.values()) {
        const first = list[0];
        for (const dup of list.slice(1)) {
          const name = first.kind === 'person' ? `@${dup.id}` : dup.id;
          const line = first.idRange.start.line + 1;
          const same = first.kind === dup.kind;
          const title = first.title ? ` ('${first.title.value}')` : '';
          ctx.report({
            uri: doc.uri,
            range: dup.idRange,
            message:
              dup.kind === 'channel'
                ? t(
                    `The channel '${dup.id}' is already in the channel plan on line ${line}: describe each channel once${dup.title ? ` (a channel's ID is the first word of its heading, so '${textAt(doc.lines, dup.idRange)} ${dup.title.value}' is '${dup.id}' too)` : ''}.`,
                    `Der Kanal '${dup.id}' steht schon in Zeile ${line} im Kanalplan: Beschreiben Sie jeden Kanal einmal${dup.title ? ` (die ID eines Kanals ist das erste Wort seiner Überschrift, daher ist auch '${textAt(doc.lines, dup.idRange)} ${dup.title.value}' '${dup.id}')` : ''}.`,
                  )
                : same
                  ? t(
                      `The ID '${name}' is already used on line ${line}${title}: ${EVERY[dup.kind].en} needs its own ID, or references to it are ambiguous.`,
                      `Die ID '${name}' ist schon in Zeile ${line} vergeben${title}: ${EVERY[dup.kind].de} braucht eine eigene ID, sonst sind Verweise darauf mehrdeutig.`,
                    )
                  : t(
                      `The ID '${name}' is already used on line ${line} for ${A[first.kind].en}${title}: goals, KPIs and audiences share one set of IDs, so ${THIS[dup.kind].en} needs another.`,
                      `Die ID '${name}' ist schon in Zeile ${line} für ${A[first.kind].de}${title} vergeben: Ziele, Kennzahlen und Zielgruppen teilen sich die IDs, daher braucht ${THIS[dup.kind].de} eine andere.`,
                    ),
            data: { first: { line: first.idRange.start.line, kind: first.kind } },
          });
        }
      }
    }
  },
};
