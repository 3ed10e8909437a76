import type { Rule } from './api';
import { t, type Text } from '../text';
import { SECTION_BY_KEY, STEP_KEYS, type SectionKey } from '../vocab';
import { hasSection, insertSectionFix, readable, suggestion } from '../edit/templates';

/** What each step is about, for the message. */
const STEP_WHAT: Partial<Record<SectionKey, Text>> = {
  team: t('the team (who works on social media, from which departments)', 'das Team (wer aus welchen Bereichen an Social Media mitarbeitet)'),
  listening: t(
    'listening and comparing (what customers, competitors and the press say)',
    'Zuhören und Vergleichen (was Kundschaft, Wettbewerb und Presse sagen)',
  ),
  goals: t('the goals (what social media should achieve)', 'die Ziele (was Social Media erreichen soll)'),
  kpis: t('the KPIs (how success is measured)', 'die Kennzahlen (woran Erfolg gemessen wird)'),
  audiences: t('the audiences (whom you want to reach)', 'die Zielgruppen (wen Sie erreichen wollen)'),
  value: t('the value (what your posts offer their readers)', 'der Mehrwert (was Ihre Beiträge den Lesern bieten)'),
  faces: t('the human face (who gives the company a face)', 'das menschliche Antlitz (wer dem Unternehmen ein Gesicht gibt)'),
  channels: t('the channel plan (which channels, why, with what effort)', 'der Kanalplan (welche Kanäle, warum, mit welchem Aufwand)'),
};

/** docs/rules/README.md: one of steps 1–8 has no section; one diagnostic a step */
export const rule: Rule = {
  meta: {
    id: 'missing-step',
    severity: 'warning',
    local: true,
    scope: 'strategy',
    description: t(
      'One of the eight steps of a social media strategy (team, listening, goals, KPIs, audiences, value, human face, channel plan) has no section.',
      'Einer der acht Schritte einer Social-Media-Strategie (Team, Zuhören, Ziele, Kennzahlen, Zielgruppen, Mehrwert, Gesichter, Kanalplan) hat keinen Abschnitt.',
    ),
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.project.strategy;
    if (!doc || !doc.strategy || !readable(doc)) return;
    for (const key of STEP_KEYS) {
      if (hasSection(doc, key)) continue;
      // KPIs written under their goals (docs/format.md "Goals and KPIs as plain lists") are step 4.
      if (key === 'kpis' && doc.strategy.kpis.length) continue;
      const step = SECTION_BY_KEY.get(key)!.step!;
      const what = STEP_WHAT[key]!;
      const s = suggestion(doc, key);
      const fix = insertSectionFix(doc, key);
      ctx.report({
        uri: doc.uri,
        range: doc.titleRange,
        message: t(`Step ${step} of 8 is missing: ${what.en}. Add ${s.en}.`, `Schritt ${step} von 8 fehlt: ${what.de}. Ergänzen Sie ${s.de}.`),
        fixes: fix ? [fix] : undefined,
        data: { step, section: key },
      });
    }
  },
};
