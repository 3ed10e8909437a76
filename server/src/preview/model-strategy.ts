/** The strategy's part of the preview model (preview/model.ts): the eight steps, the goals and their KPIs. */
import type { ParsedDocument, PlanEntry, Kpi, Goal } from '../core/model';
import type { Project } from '../core/project';
import type { Lang } from '../core/text';
import { insertSectionFix, sectionName } from '../core/edit/templates';
import { GOAL_TYPES, SECTIONS, enumLabel, pushWeight, stripNumbering, type SectionKey } from '../core/vocab';
import { isPlaceholderOnly } from '../core/vocab-practice';
import { costPerResult } from '../core/rules/missing-budget';
import { MODE_ORDER, type ModeCount, type ModeKey, type PreviewGoal, type PreviewKpi, type PreviewSection, type StepState } from './types';
import { CLASS_LABEL, MAX_GOALS, MODE_LABEL, SECTION_LABEL, SMART_FIELD, STATE_LABEL, type T2, fmtInt, n, w } from './model-base';

// ------------------------------------------------------------------ sections

function countWords(s: string): number {
  return s
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .split(/[^\p{L}\p{N}@]+/u)
    .filter(Boolean).length;
}

export function buildSections(project: Project, lang: Lang): { steps: PreviewSection[]; others: PreviewSection[] } {
  const doc = project.strategy;
  const steps: PreviewSection[] = [];
  const others: PreviewSection[] = [];
  for (const info of SECTIONS) {
    const out = info.step ? steps : others;
    out.push(sectionOf(project, doc, info.key, info.step, lang));
  }
  return { steps, others };
}

function sectionOf(project: Project, doc: ParsedDocument | undefined, key: SectionKey, step: number | undefined, lang: Lang): PreviewSection {
  const L = (x: T2) => x[lang];
  const base = { key, step, label: SECTION_LABEL[key][lang] };
  const missingOf = (note: string, insert?: PreviewSection['insert']): PreviewSection => ({
    ...base,
    state: 'missing',
    stateLabel: L(STATE_LABEL.missing),
    holds: '',
    figures: {},
    note,
    insert,
  });
  if (!doc) {
    return missingOf(L(w('No strategy document.', 'Kein Strategiedokument.')));
  }
  const sections = (doc.strategy?.sections ?? []).filter((s) => s.keys.includes(key));
  if (!sections.length) {
    let insert: PreviewSection['insert'];
    let note = L(w('Missing.', 'Fehlt.'));
    try {
      const fix = insertSectionFix(doc, key);
      const edit = fix?.edits[0]?.edits[0];
      const name = sectionName(doc, key);
      if (edit) {
        const line = edit.range.start.line;
        insert = { uri: doc.uri, position: edit.range.start, heading: name };
        const all = doc.strategy?.sections ?? [];
        // The section it would go before (a comment above a heading moves with it), else after.
        const before = all.find((s) => s.headingRange.start.line >= line);
        const after = [...all].reverse().find((s) => s.headingRange.start.line < line);
        const h = (s: { heading: string }) => `'${s.heading.trim()}'`;
        note = before
          ? L(w(`Missing: insert '${name}' before ${h(before)} (line ${line + 1}).`, `Fehlt: '${name}' vor ${h(before)} einfügen (Zeile ${line + 1}).`))
          : after
            ? L(w(`Missing: insert '${name}' after ${h(after)} (line ${line + 1}).`, `Fehlt: '${name}' nach ${h(after)} einfügen (Zeile ${line + 1}).`))
            : L(
                w(
                  `Missing: insert '${name}' at the end of the document (line ${line + 1}).`,
                  `Fehlt: '${name}' am Ende des Dokuments einfügen (Zeile ${line + 1}).`,
                ),
              );
      } else {
        note = L(w(`Missing: add '${name}'.`, `Fehlt: '${name}' ergänzen.`));
      }
    } catch {
      // The insertion point is a convenience; the state is what matters.
    }
    return missingOf(note, insert);
  }
  const first = sections[0];
  const content = sections
    .map((s) => (doc.format === 'yaml' && /^(?:null|~|\[\s*\]|\{\s*\})$/i.test(s.content.trim()) ? '' : s.content.trim()))
    .join('\n')
    .trim();
  const empty = !content || isPlaceholderOnly(content);
  const wordsCount = empty ? 0 : countWords(content);
  const figures: Record<string, number> = {};
  let holds = '';
  let thinNote: string | undefined;
  const s = doc.strategy!;
  switch (key) {
    case 'team': {
      const depts = new Set(s.people.map((p) => p.department?.value?.trim().toLowerCase()).filter(Boolean));
      figures.people = s.people.length;
      figures.departments = depts.size;
      figures.management = s.people.filter((p) => p.management?.value).length;
      holds = [
        n(s.people.length, 'person', 'people', 'Person', 'Personen', lang),
        depts.size ? n(depts.size, 'department', 'departments', 'Bereich', 'Bereiche', lang) : '',
      ]
        .filter(Boolean)
        .join(' · ');
      if (!s.people.length)
        thinNote = L(
          w(
            'No team members yet: list them with @handle, role and department.',
            'Noch keine Teammitglieder: Führen Sie sie mit @handle, Rolle und Bereich auf.',
          ),
        );
      break;
    }
    case 'goals': {
      const primary = s.goals.filter((g) => g.primary?.value).length;
      figures.goals = s.goals.length;
      figures.primary = primary;
      holds = [n(s.goals.length, 'goal', 'goals', 'Ziel', 'Ziele', lang), primary ? n(primary, 'primary', 'primary', 'primär', 'primär', lang) : '']
        .filter(Boolean)
        .join(' · ');
      if (!s.goals.length)
        thinNote = L(w('No goals defined yet (e.g. "### G1: …" with Type and Primary).', 'Noch keine Ziele definiert (z. B. "### Z1: …" mit Art und Primär).'));
      break;
    }
    case 'kpis': {
      const smart = s.kpis.filter((k) => smartMissing(k).length === 0).length;
      figures.kpis = s.kpis.length;
      figures.smart = smart;
      holds = [n(s.kpis.length, 'KPI', 'KPIs', 'Kennzahl', 'Kennzahlen', lang), s.kpis.length ? `${fmtInt(smart, lang)} SMART` : '']
        .filter(Boolean)
        .join(' · ');
      if (!s.kpis.length)
        thinNote = L(
          w(
            'No KPIs defined yet (ID, metric, target, baseline, deadline, source, goal).',
            'Noch keine Kennzahlen definiert (ID, Metrik, Zielwert, Ausgangswert, Frist, Quelle, Ziel).',
          ),
        );
      break;
    }
    case 'audiences': {
      figures.audiences = s.audiences.length;
      holds = s.audiences.length
        ? n(s.audiences.length, 'audience', 'audiences', 'Zielgruppe', 'Zielgruppen', lang)
        : n(wordsCount, 'word', 'words', 'Wort', 'Wörter', lang);
      break;
    }
    case 'channels': {
      figures.channels = s.channels.length;
      holds = n(s.channels.length, 'channel', 'channels', 'Kanal', 'Kanäle', lang);
      if (!s.channels.length)
        thinNote = L(
          w(
            'No channels defined yet (a "### Instagram" heading with Why, How, Resources).',
            'Noch keine Kanäle definiert (eine Überschrift "### Instagram" mit Warum, Wie, Ressourcen).',
          ),
        );
      break;
    }
    case 'faces': {
      const handles = new Set((content.match(/@[A-Za-z][A-Za-z0-9_.-]*/g) ?? []).map((h) => h.toLowerCase()));
      figures.faces = empty ? 0 : handles.size;
      figures.words = wordsCount;
      holds = handles.size && !empty ? n(handles.size, 'face', 'faces', 'Gesicht', 'Gesichter', lang) : n(wordsCount, 'word', 'words', 'Wort', 'Wörter', lang);
      break;
    }
    default: {
      figures.words = wordsCount;
      holds = n(wordsCount, 'word', 'words', 'Wort', 'Wörter', lang);
    }
  }
  if (!('words' in figures)) figures.words = wordsCount;
  const state: StepState = empty || thinNote ? 'thin' : 'complete';
  const note = empty
    ? content
      ? L(w('Only placeholders (TODO, TBD, …): not worked out yet.', 'Nur Platzhalter (TODO, TBD, …): noch nicht ausgearbeitet.'))
      : L(w('Empty: not worked out yet.', 'Leer: noch nicht ausgearbeitet.'))
    : thinNote;
  return {
    ...base,
    state,
    stateLabel: L(STATE_LABEL[state]),
    holds: empty ? L(w('empty', 'leer')) : holds,
    figures,
    heading: stripNumbering(first.heading).trim() || first.heading,
    loc: { uri: doc.uri, range: first.headingRange },
    section: { uri: doc.uri, range: first.range },
    note,
  };
}

// ------------------------------------------------------------------ goals and KPIs

function smartMissing(k: Kpi): PreviewKpi['missing'] {
  const out: PreviewKpi['missing'] = [];
  for (const f of ['target', 'baseline', 'deadline', 'source'] as const) if (!k[f]?.value?.trim()) out.push(f);
  return out;
}

function kpiOf(k: Kpi, lang: Lang): PreviewKpi {
  const missing = smartMissing(k);
  return {
    id: k.id,
    title: k.title?.value ?? '',
    metric: k.metric?.value,
    metricClass: k.metricClass,
    classLabel: CLASS_LABEL[k.metricClass][lang],
    smart: missing.length === 0,
    missing,
    missingLabel: missing.map((m) => SMART_FIELD[m][lang]).join(', '),
    target: k.target?.value,
    baseline: k.baseline?.value,
    deadline: k.deadline?.value,
    source: k.source?.value,
    loc: { uri: k.uri, range: k.idRange },
  };
}

export function modeCounts(byMode: Map<ModeKey, number>, lang: Lang): ModeCount[] {
  return MODE_ORDER.filter((m) => byMode.get(m)).map((m) => ({ mode: m, label: MODE_LABEL[m][lang], count: byMode.get(m)! }));
}

/** `≈ 20 € per result of K1 'Probefahrten' (budget 9,600 € ÷ target 480)`, per business KPI of a goal. */
function costLines(project: Project, g: Goal, lang: Lang): string[] | undefined {
  const list = costPerResult(project, project.kpisOfGoal(g));
  if (!list.length) return undefined;
  const money = (v: number) => fmtInt(Math.round(v), lang);
  return list.map((c) => {
    const cost = c.cost >= 10 ? fmtInt(Math.round(c.cost), lang) : (Math.round(c.cost * 100) / 100).toFixed(2).replace('.', lang === 'de' ? ',' : '.');
    return lang === 'de'
      ? `≈ ${cost} ${c.currency} je Ergebnis von ${c.kpi} „${c.metric}“ (Budget ${money(c.budget)} ${c.currency} ÷ Ziel ${fmtInt(c.results, lang)})`
      : `≈ ${cost} ${c.currency} per result of ${c.kpi} '${c.metric}' (budget ${money(c.budget)} ${c.currency} ÷ target ${fmtInt(c.results, lang)})`;
  });
}

export function buildGoals(
  project: Project,
  entries: PlanEntry[],
  lang: Lang,
): { goals: PreviewGoal[]; unlinkedKpis: PreviewKpi[]; entriesWithoutGoal: number } {
  const stats = new Map<Goal, { count: number; push: number; byMode: Map<ModeKey, number> }>();
  let entriesWithoutGoal = 0;
  for (const e of entries) {
    const gs = project.goalsOfEntry(e);
    if (!gs.length) entriesWithoutGoal++;
    for (const g of gs) {
      let s = stats.get(g);
      if (!s) stats.set(g, (s = { count: 0, push: 0, byMode: new Map() }));
      s.count++;
      s.push += pushWeight(e.mode?.value);
      const m: ModeKey = e.mode?.value ?? 'unknown';
      s.byMode.set(m, (s.byMode.get(m) ?? 0) + 1);
    }
  }
  const goals: PreviewGoal[] = project.goals.slice(0, MAX_GOALS).map((g) => {
    const s = stats.get(g);
    return {
      id: g.id,
      title: g.title?.value ?? '',
      type: g.type?.value,
      typeLabel: g.type ? enumLabel(GOAL_TYPES, g.type.value, lang) : undefined,
      primary: !!g.primary?.value,
      kpis: project.kpisOfGoal(g).map((k) => kpiOf(k, lang)),
      entries: s?.count ?? 0,
      push: s?.push ?? 0,
      share: s?.count ? s.push / s.count : undefined,
      byMode: s ? modeCounts(s.byMode, lang) : [],
      loc: { uri: g.uri, range: g.idRange },
      costPerResult: costLines(project, g, lang),
    };
  });
  const unlinkedKpis = project.kpis
    .filter((k) => !project.goalsOfKpi(k).length)
    .slice(0, MAX_GOALS)
    .map((k) => kpiOf(k, lang));
  return { goals, unlinkedKpis, entriesWithoutGoal };
}
