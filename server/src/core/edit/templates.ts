/**
 * Section templates and their insertion, shared by missing-step, missing-governance,
 * missing-meetings, missing-guidelines and missing-crisis-plan. A template is a heading
 * (Markdown) or a top-level key (YAML) and one or two guiding questions as real text:
 * no placeholders (that would be empty-step) and no items (a goal without KPI would be
 * goal-without-kpi), so inserting a section never makes another rule fire.
 */
import type { FixSpec, ParsedDocument, Section } from '../model';
import { t, type Lang, type Text } from '../text';
import { SECTIONS, SECTION_BY_KEY, isSectionKey, stripNumbering, words, type SectionKey } from '../vocab';
import type { RuleContext } from '../rules/api';
import { isPlaceholderOnly, placeholderShown } from '../vocab-practice';

interface Template {
  /** Markdown heading (without number) in each language. */
  heading: Text;
  /** German top-level key for YAML strategies written with German keys. */
  yamlDe: string;
  /** Guiding questions, one sentence a line. */
  body: { en: string[]; de: string[] };
}

export const TEMPLATES: Record<SectionKey, Template> = {
  team: {
    heading: t('Team', 'Kernteam'),
    yamlDe: 'team',
    body: {
      en: [
        'Who belongs to the core team, and who has a say?',
        'Bring press, product, HR, sales, customer service and management to the table, not only marketing.',
      ],
      de: [
        'Wer gehört zum Kernteam, und wer entscheidet mit?',
        'Holen Sie neben dem Marketing auch Presse, Produkt, Personal, Vertrieb, Kundenservice und die Geschäftsführung an einen Tisch.',
      ],
    },
  },
  listening: {
    heading: t('Listening', 'Zuhören'),
    yamlDe: 'zuhören',
    body: {
      en: [
        'What do customers, competitors and the press say about us, and on which channels?',
        'What do comparable companies do well on social media, and what not?',
      ],
      de: [
        'Was sagen Kundinnen und Kunden, Wettbewerber und Presse über uns, und auf welchen Kanälen?',
        'Was machen vergleichbare Unternehmen in den sozialen Medien gut, was nicht?',
      ],
    },
  },
  goals: {
    heading: t('Goals', 'Ziele'),
    yamlDe: 'ziele',
    body: {
      en: ['What should social media achieve for the business?', 'Choose one central goal and derive no more than two or three others from it.'],
      de: ['Was soll Social Media für das Unternehmen erreichen?', 'Wählen Sie ein zentrales Ziel und leiten Sie höchstens zwei oder drei weitere davon ab.'],
    },
  },
  kpis: {
    heading: t('KPIs', 'Kennzahlen'),
    yamlDe: 'kennzahlen',
    body: {
      en: ['How will you measure whether the goals are met?', 'Give every KPI a target, a baseline, a deadline and a data source.'],
      de: ['Woran messen Sie, ob die Ziele erreicht werden?', 'Legen Sie für jede Kennzahl Zielwert, Ausgangswert, Frist und Datenquelle fest.'],
    },
  },
  audiences: {
    heading: t('Audiences', 'Zielgruppen'),
    yamlDe: 'zielgruppen',
    body: {
      en: ['Whom do you want to reach?', 'Describe your audiences by age, situation, interests and needs, and where they spend their time online.'],
      de: [
        'Wen wollen Sie erreichen?',
        'Beschreiben Sie Ihre Zielgruppen mit Alter, Lebenslage, Interessen und Bedürfnissen, und wo sie sich online aufhalten.',
      ],
    },
  },
  value: {
    heading: t('Value', 'Mehrwert'),
    yamlDe: 'mehrwert',
    body: {
      en: ['What value do your posts offer the people who read them?', 'What does the company stand for, and which attitude does it show?'],
      de: ['Welchen Mehrwert bieten Ihre Beiträge den Menschen, die sie lesen?', 'Wofür steht das Unternehmen, und welche Haltung zeigt es?'],
    },
  },
  faces: {
    heading: t('Human face', 'Gesichter'),
    yamlDe: 'gesichter',
    body: {
      en: ['Which people give the company a face?', 'Who from the team appears in posts, tells stories from everyday work and answers questions?'],
      de: [
        'Welche Menschen geben dem Unternehmen ein Gesicht?',
        'Wer aus dem Team zeigt sich in Beiträgen, erzählt aus dem Arbeitsalltag und antwortet auf Fragen?',
      ],
    },
  },
  channels: {
    heading: t('Channel plan', 'Kanalplan'),
    yamlDe: 'kanalplan',
    body: {
      en: ['Which channels are you on, and why those?', 'For each channel, note how often you post and who looks after it with how much time.'],
      de: [
        'Auf welchen Kanälen sind Sie aktiv, und warum gerade dort?',
        'Halten Sie für jeden Kanal fest, wie oft Sie posten und wer sich mit wie viel Zeit darum kümmert.',
      ],
    },
  },
  governance: {
    heading: t('Roles and approval', 'Rollen und Freigabe'),
    yamlDe: 'rollen',
    body: {
      en: ['Who writes the posts, who approves them, and who replies to comments?', 'Agree who decides on sensitive topics and how fast an approval happens.'],
      de: [
        'Wer schreibt die Beiträge, wer gibt sie frei, und wer antwortet auf Kommentare?',
        'Legen Sie fest, wer bei heiklen Themen entscheidet und wie schnell eine Freigabe erfolgt.',
      ],
    },
  },
  guidelines: {
    heading: t('Social media guidelines', 'Social-Media-Guidelines'),
    yamlDe: 'richtlinien',
    body: {
      en: ['What may employees say about the company on social media, and what not?', 'Where do they find the guidelines, and whom do they ask when in doubt?'],
      de: [
        'Was dürfen Mitarbeiterinnen und Mitarbeiter in sozialen Medien über das Unternehmen sagen, und was nicht?',
        'Wo finden sie die Richtlinien, und wen fragen sie im Zweifel?',
      ],
    },
  },
  meetings: {
    heading: t('Editorial meeting', 'Redaktionskonferenz'),
    yamlDe: 'redaktionskonferenz',
    body: {
      en: [
        'When does the team meet for the editorial meeting, how often and with whom?',
        'That is where topics are planned, results reviewed and the editorial plan kept up to date.',
      ],
      de: [
        'Wann trifft sich das Team zur Redaktionskonferenz, wie oft und mit wem?',
        'Dort werden Themen geplant, Ergebnisse ausgewertet und der Redaktionsplan fortgeschrieben.',
      ],
    },
  },
  crisis: {
    heading: t('Handling criticism', 'Umgang mit Kritik'),
    yamlDe: 'krisenplan',
    body: {
      en: ['How do you respond to public criticism or a wave of outrage?', 'Agree who is informed, who replies, how fast and in what tone.'],
      de: [
        'Wie reagieren Sie auf öffentliche Kritik oder einen Shitstorm?',
        'Legen Sie fest, wer informiert wird, wer antwortet, wie schnell und in welchem Ton.',
      ],
    },
  },
};

/** The order of sections: the eight steps, then governance, guidelines, meetings, crisis. */
function rank(key: SectionKey): number {
  return SECTIONS.findIndex((s) => s.key === key) + 1;
}

/** The lowest step a section stands for (undefined for a section of no step). */
function minStep(s: Section): number | undefined {
  const steps = s.keys.map((k) => SECTION_BY_KEY.get(k)?.step).filter((x): x is number => x !== undefined);
  return steps.length ? Math.min(...steps) : undefined;
}

// ------------------------------------------------------------------ language

function phraseSet(lang: Lang): string[] {
  const mine = new Set<string>();
  const other = new Set<string>();
  for (const s of SECTIONS) {
    for (const p of s[lang]) mine.add(words(p).join(' '));
    for (const p of s[lang === 'de' ? 'en' : 'de']) other.add(words(p).join(' '));
  }
  return [...mine].filter((p) => !other.has(p));
}
const DE_PHRASES = phraseSet('de');
const EN_PHRASES = phraseSet('en');
const DE_WORDS = new Set([
  'und',
  'der',
  'die',
  'das',
  'wir',
  'fuer',
  'mit',
  'nicht',
  'ist',
  'sind',
  'unsere',
  'unser',
  'ein',
  'eine',
  'auf',
  'zu',
  'den',
  'dem',
  'von',
  'wer',
  'wie',
  'oder',
]);
const EN_WORDS = new Set(['the', 'and', 'we', 'for', 'with', 'not', 'is', 'are', 'our', 'to', 'of', 'a', 'on', 'who', 'how', 'or']);

/**
 * The language of a document: its `language`, else guessed from its section headings
 * (German section words → de), else from the words of its text; English by default.
 */
export function docLanguage(doc: ParsedDocument): Lang {
  if (doc.language) return doc.language;
  let de = 0;
  let en = 0;
  const heads = (doc.strategy?.sections ?? []).map((s) => ` ${words(stripNumbering(s.heading)).join(' ')} `);
  if (doc.title) heads.push(` ${words(doc.title).join(' ')} `);
  for (const h of heads) {
    if (DE_PHRASES.some((p) => h.includes(` ${p} `))) de++;
    if (EN_PHRASES.some((p) => h.includes(` ${p} `))) en++;
  }
  if (de !== en) return de > en ? 'de' : 'en';
  de = 0;
  en = 0;
  for (const w of words(doc.text.slice(0, 20000))) {
    if (DE_WORDS.has(w)) de++;
    else if (EN_WORDS.has(w)) en++;
  }
  return de > en ? 'de' : 'en';
}

// ------------------------------------------------------------------ where and how

/** How a new section is written in this document: Markdown heading or YAML key. */
export function sectionName(doc: ParsedDocument, key: SectionKey): string {
  if (doc.format === 'yaml') return `${yamlKey(doc, key)}:`;
  const lang = docLanguage(doc);
  const plan = placement(doc, key);
  return `## ${numberPrefix(doc, key, plan)}${TEMPLATES[key].heading[lang]}`;
}

/** "a section '## 2. Zuhören'" / "einen Abschnitt '## 2. Zuhören'" (or a YAML key). */
export function suggestion(doc: ParsedDocument, key: SectionKey): Text {
  const name = sectionName(doc, key);
  return doc.format === 'yaml'
    ? t(`a top-level key '${name}'`, `einen Schlüssel '${name}' auf oberster Ebene`)
    : t(`a section '${name}'`, `einen Abschnitt '${name}'`);
}

type Placement = { before: Section } | { after: Section } | { end: true };

/** Where a missing section goes: steps in step order, the other sections after the steps. */
function placement(doc: ParsedDocument, key: SectionKey): Placement {
  const sections = doc.strategy?.sections ?? [];
  const step = SECTION_BY_KEY.get(key)?.step;
  const stepSections = sections.filter((s) => minStep(s) !== undefined);
  const known = sections.filter((s) => s.keys.length);
  if (step !== undefined) {
    // Before the first section of a later step, else after the last step section,
    // else before the first of the other (post-step) sections, else at the end.
    const later = stepSections.find((s) => minStep(s)! > step);
    if (later) return { before: later };
    if (stepSections.length) return { after: stepSections[stepSections.length - 1] };
    if (known.length) return { before: known[0] };
    return { end: true };
  }
  // Other sections: after the eight steps, in catalog order among the other sections.
  const lastStep = stepSections[stepSections.length - 1];
  const r = rank(key);
  const laterOther = known.find((s) => minStep(s) === undefined && Math.min(...s.keys.map(rank)) > r && (!lastStep || compareSection(s, lastStep) > 0));
  if (laterOther) return { before: laterOther };
  if (known.length) return { after: known[known.length - 1] };
  return { end: true };
}

function compareSection(a: Section, b: Section): number {
  return a.headingRange.start.line - b.headingRange.start.line;
}

const NUM_RE = /^(\s*)((?:schritt|step)\s*)?(\d+)((?:\.\d+)*)(\s*[.:)\-–—]?\s*)/i;

/** "2. ", "Schritt 2: " or "" — numbered like the document's other section headings. */
function numberPrefix(doc: ParsedDocument, key: SectionKey, where: Placement): string {
  const sections = doc.strategy?.sections ?? [];
  const numbered = sections
    .map((s) => ({ s, m: NUM_RE.exec(s.heading) }))
    .filter((x): x is { s: Section; m: RegExpExecArray } => !!x.m && stripNumbering(x.s.heading) !== x.s.heading);
  if (!numbered.length) return '';
  const style = numbered[0].m;
  const word = style[2] ?? '';
  const sep = style[5] || '. ';
  const step = SECTION_BY_KEY.get(key)?.step;
  // Numbers that follow the steps ("## 3. Ziele"): a step gets its own number.
  const aligned =
    numbered.every((x) => {
      const st = x.s.keys.map((k) => SECTION_BY_KEY.get(k)?.step).filter((n): n is number => n !== undefined);
      return !st.length || st.includes(Number(x.m[3]));
    }) && numbered.some((x) => minStep(x.s) !== undefined);
  if (step !== undefined && aligned) return `${word}${step}${sep}`;
  // Other sections follow the other sections already there: unnumbered when they are.
  if (step === undefined) {
    const others = sections.filter((s) => s.keys.length && minStep(s) === undefined);
    if (word || (others.length && !others.some((s) => numbered.some((x) => x.s === s)))) return '';
  }
  // Otherwise: one more than the numbered section before the new one.
  const line = 'before' in where ? where.before.headingRange.start.line : 'after' in where ? where.after.headingRange.start.line + 0.5 : Infinity;
  const prev = numbered.filter((x) => x.s.headingRange.start.line < line).pop();
  if (!prev) return step !== undefined ? `${word}1${sep}` : '';
  return `${word}${Number(prev.m[3]) + 1}${sep}`;
}

/** The YAML key for a section: canonical English, or German where the document writes German keys. */
function yamlKey(doc: ParsedDocument, key: SectionKey): string {
  const sections = doc.strategy?.sections ?? [];
  const canonical = sections.filter((s) => isSectionKey(words(s.heading).join(' ')) && words(s.heading).join(' ') !== 'team');
  const other = sections.filter((s) => !isSectionKey(words(s.heading).join(' ')));
  if (docLanguage(doc) !== 'de' || other.length <= canonical.length) return key;
  const de = TEMPLATES[key].yamlDe;
  const first = other[0].heading;
  return first[0] && first[0] !== first[0].toLowerCase() ? de[0].toUpperCase() + de.slice(1) : de;
}

/** Top-level keys of a YAML document: lines that start at column 0 with a key. */
function topKeyLines(doc: ParsedDocument): number[] {
  const out: number[] = [];
  for (let l = 0; l < doc.lines.lineCount; l++) {
    const s = doc.lines.lineText(l);
    if (/^(?:---|\.\.\.)\s*(?:#.*)?$/.test(s)) continue;
    if (/^[^\s#-]/.test(s)) out.push(l);
  }
  return out;
}

/** The fix that inserts a missing section with its template; undefined where that is not safe. */
export function insertSectionFix(doc: ParsedDocument, key: SectionKey): FixSpec | undefined {
  const lang = docLanguage(doc);
  const body = TEMPLATES[key].body[lang];
  const where = placement(doc, key);
  const lines = doc.lines;
  let offset: number;
  let newText: string;
  if (doc.format === 'markdown') {
    const heading = sectionName(doc, key);
    // A blank line after the heading where the document's headings have one.
    const heads = (doc.strategy?.sections ?? []).map((s) => s.headingRange.start.line);
    const tight = heads.length > 0 && heads.filter((l) => lines.lineText(l + 1).trim() !== '').length * 2 > heads.length;
    const gap = tight ? '\n' : '\n\n';
    if ('before' in where) {
      // A comment right above a heading (a disable-next-line) stays with it.
      let line = where.before.headingRange.start.line;
      while (line > 0 && /^\s*<!--.*-->\s*$/.test(lines.lineText(line - 1))) line--;
      offset = lines.lineStart(line);
      newText = `${heading}${gap}${body.join(' ')}\n\n`;
    } else {
      offset = 'after' in where ? lines.offsetAt(where.after.range.end) : trimmedEnd(doc.text);
      newText = `\n\n${heading}${gap}${body.join(' ')}`;
    }
  } else {
    // A YAML fix only where the document reads cleanly as a mapping of top-level keys.
    if (doc.problems.some((p) => p.rule === 'syntax')) return undefined;
    const keys = topKeyLines(doc);
    if (!keys.length || keys.some((l) => /^[{[]/.test(lines.lineText(l)))) return undefined;
    const blank = keys.slice(1).some((l) => !lines.lineText(l - 1).trim());
    const block = `${yamlKey(doc, key)}: |\n${body.map((b) => `  ${b}`).join('\n')}\n`;
    let line: number | undefined;
    if ('before' in where) line = where.before.headingRange.start.line;
    else if ('after' in where) line = keys.find((l) => l > where.after.headingRange.start.line);
    if (line !== undefined) {
      // Comments right above a key belong to it.
      while (line > 0 && /^#/.test(lines.lineText(line - 1))) line--;
      offset = lines.lineStart(line);
      newText = block + (blank ? '\n' : '');
    } else {
      offset = trimmedEnd(doc.text);
      newText = `\n${blank ? '\n' : ''}${block.slice(0, -1)}`;
    }
  }
  const name = sectionName(doc, key);
  return {
    title:
      doc.format === 'yaml'
        ? t(`Insert the key '${name}' with guiding questions`, `Schlüssel '${name}' mit Leitfragen einfügen`)
        : t(`Insert the section '${name}' with guiding questions`, `Abschnitt '${name}' mit Leitfragen einfügen`),
    edits: [{ uri: doc.uri, edits: [{ range: lines.rangeOf(offset, offset), newText }] }],
    preferred: true,
  };
}

function trimmedEnd(text: string): number {
  let e = text.length;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}

/** Whether a strategy has a section for a key. */
export function hasSection(doc: ParsedDocument, key: SectionKey): boolean {
  return (doc.strategy?.sections ?? []).some((s) => s.keys.includes(key));
}

/**
 * Whether the section rules should look at a strategy: not a YAML strategy with a syntax
 * error (what it holds is uncertain until it parses; the syntax error is reported), so
 * that an unclosed quote does not make every section seem missing while one types.
 * Markdown sections do not depend on the front matter parsing. A word typed without its
 * colon is no such error: the reader leaves it out and reads the rest as written
 * (`ParsedDocument.incomplete`, docs/decisions.md "Positions from the model").
 */
export function readable(doc: ParsedDocument): boolean {
  return !(doc.format === 'yaml' && doc.problems.some((p) => p.rule === 'syntax' && !p.halfTyped));
}

/** Reports a missing non-step section at the strategy's title, with the insertion fix. */
export function reportMissingSection(ctx: RuleContext, key: SectionKey, what: Text): void {
  const doc = ctx.project.strategy;
  if (!doc || !doc.strategy || !readable(doc)) return;
  if (hasSection(doc, key)) {
    // A section that holds only a placeholder (TBD, folgt, k. A., -) or nothing counts as
    // missing (docs/decisions.md "Placeholders count as empty"); reported at its heading.
    const sections = doc.strategy.sections.filter((x) => x.keys.includes(key));
    if (sections.some((x) => !isPlaceholderOnly(x.content))) return;
    const sec = sections[0];
    const heading = stripNumbering(sec.heading) || sec.heading;
    const shown = placeholderShown(sec.content);
    ctx.report({
      uri: doc.uri,
      range: sec.headingRange,
      message: shown
        ? t(
            `The section '${heading}' holds only a placeholder ('${shown}'). ${what.en}`,
            `Der Abschnitt '${heading}' enthält nur einen Platzhalter ('${shown}'). ${what.de}`,
          )
        : t(`The section '${heading}' is empty. ${what.en}`, `Der Abschnitt '${heading}' ist leer. ${what.de}`),
      data: { placeholder: shown || undefined },
    });
    return;
  }
  const s = suggestion(doc, key);
  const fix = insertSectionFix(doc, key);
  ctx.report({
    uri: doc.uri,
    range: doc.titleRange,
    message: t(`${what.en} Add ${s.en}.`, `${what.de} Ergänzen Sie ${s.de}.`),
    fixes: fix ? [fix] : undefined,
  });
}
