/**
 * Generates a realistic benchmark corpus: strategies and editorial plans of small and
 * mid-sized organisations, in German and English, half Markdown (tables and lists) and
 * half YAML. Every plan names its strategy; content has the usual imperfections (a
 * missing owner, an inferred mode, a link without utm) so that rules have work to do.
 * Deterministic: the same options give the same files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng } from '../helpers/rng';

export interface CorpusOptions {
  strategies: number;
  /** Entries per plan. */
  entries: number;
  /** Plans per strategy (default 1): `2027.plan.*`, then `2027-2.plan.*`, … in the strategy's plan folder. */
  plans?: number;
  seed?: number;
}

export interface CorpusStats {
  files: number;
  bytes: number;
  markdown: number;
  yaml: number;
  entries: number;
}

type Lang = 'de' | 'en';

const ORGS: { de: string; en: string; topic: { de: string[]; en: string[] } }[] = [
  {
    de: 'Autohaus',
    en: 'Car dealership',
    topic: { de: ['Probefahrt', 'E-Auto', 'Werkstatt', 'Winterreifen', 'Leasing'], en: ['test drive', 'EV', 'service', 'winter tyres', 'leasing'] },
  },
  {
    de: 'Bäckerei',
    en: 'Bakery',
    topic: { de: ['Sauerteig', 'Brötchen', 'Frühstück', 'Torte', 'Backstube'], en: ['sourdough', 'bread rolls', 'breakfast', 'cake', 'bakehouse'] },
  },
  {
    de: 'Zahnarztpraxis',
    en: 'Dental clinic',
    topic: {
      de: ['Prophylaxe', 'Zahnreinigung', 'Angstpatienten', 'Implantat', 'Team'],
      en: ['prevention', 'cleaning', 'anxious patients', 'implant', 'team'],
    },
  },
  {
    de: 'Stadtwerke',
    en: 'Municipal utility',
    topic: {
      de: ['Ökostrom', 'Glasfaser', 'Freibad', 'Energiespartipps', 'Ausbildung'],
      en: ['green power', 'fibre', 'swimming pool', 'energy saving', 'apprenticeship'],
    },
  },
  {
    de: 'Brauerei',
    en: 'Brewery',
    topic: {
      de: ['Festbier', 'Brauereiführung', 'Hopfen', 'Biergarten', 'Alkoholfrei'],
      en: ['seasonal beer', 'brewery tour', 'hops', 'beer garden', 'alcohol-free'],
    },
  },
  {
    de: 'Hotel',
    en: 'Hotel',
    topic: { de: ['Wellness', 'Frühbucher', 'Tagung', 'Küche', 'Wandern'], en: ['spa', 'early booking', 'conference', 'kitchen', 'hiking'] },
  },
  {
    de: 'Fahrradladen',
    en: 'Bike shop',
    topic: { de: ['E-Bike', 'Inspektion', 'Lastenrad', 'Radtour', 'Jobrad'], en: ['e-bike', 'inspection', 'cargo bike', 'bike tour', 'bike leasing'] },
  },
  {
    de: 'Steuerkanzlei',
    en: 'Tax firm',
    topic: {
      de: ['Steuererklärung', 'Fristen', 'Azubis', 'Digitalisierung', 'Erbschaft'],
      en: ['tax return', 'deadlines', 'trainees', 'digital filing', 'inheritance'],
    },
  },
  {
    de: 'Sportverein',
    en: 'Sports club',
    topic: {
      de: ['Jugendtraining', 'Heimspiel', 'Ehrenamt', 'Sommerfest', 'Mitglieder'],
      en: ['youth training', 'home game', 'volunteers', 'summer party', 'members'],
    },
  },
  {
    de: 'Buchhandlung',
    en: 'Bookshop',
    topic: { de: ['Lesung', 'Buchtipp', 'Kinderbuch', 'Bestseller', 'Gutschein'], en: ['reading', 'book tip', "children's book", 'bestseller', 'gift card'] },
  },
];
const SURNAMES = ['Meyer', 'Schulz', 'Becker', 'Hoffmann', 'Wagner', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Schröder', 'Braun'];
const PEOPLE = ['anna', 'dirk', 'jana', 'tom', 'lea', 'mehmet', 'sophie', 'felix', 'nina', 'paul', 'aylin', 'jonas'];
const ROLES: { de: string; en: string; dep: { de: string; en: string } }[] = [
  { de: 'Social Media Lead', en: 'Social media lead', dep: { de: 'Marketing', en: 'Marketing' } },
  { de: 'Geschäftsführer, Freigabe', en: 'Managing director, approval', dep: { de: 'Geschäftsführung', en: 'Management' } },
  { de: 'Pressesprecherin', en: 'Press officer', dep: { de: 'Presse', en: 'Press' } },
  { de: 'Produktmanager', en: 'Product manager', dep: { de: 'Produkt', en: 'Product' } },
  { de: 'Personalreferentin', en: 'HR officer', dep: { de: 'Personal', en: 'HR' } },
  { de: 'Kundenservice', en: 'Customer service', dep: { de: 'Service', en: 'Support' } },
  { de: 'Vertrieb', en: 'Sales', dep: { de: 'Vertrieb', en: 'Sales' } },
];
const CHANNELS = [
  { id: 'instagram', name: 'Instagram', formats: ['reel', 'story', 'carousel', 'post'] },
  { id: 'linkedin', name: 'LinkedIn', formats: ['post', 'article', 'document', 'video'] },
  { id: 'facebook', name: 'Facebook', formats: ['post', 'video', 'event'] },
  { id: 'tiktok', name: 'TikTok', formats: ['video', 'live'] },
  { id: 'youtube', name: 'YouTube', formats: ['video', 'short'] },
  { id: 'newsletter', name: 'Newsletter', formats: ['mailing'] },
];
const GOALS: { type: string; de: string; en: string; deType: string; kpis: { de: string; en: string; metric: string }[] }[] = [
  {
    type: 'conversion',
    deType: 'Abverkauf',
    de: 'Mehr Anfragen über Social Media',
    en: 'More inquiries from social media',
    kpis: [
      { de: 'Anfragen aus Social', en: 'Inquiries from social', metric: 'leads' },
      { de: 'Klicks auf das Angebot', en: 'Clicks on the offer', metric: 'clicks' },
    ],
  },
  {
    type: 'awareness',
    deType: 'Bekanntheit',
    de: 'Bekannter werden in der Region',
    en: 'Become known in the region',
    kpis: [
      { de: 'Reichweite in der Region', en: 'Regional reach', metric: 'reach' },
      { de: 'Share of Voice', en: 'Share of voice', metric: 'share of voice' },
    ],
  },
  {
    type: 'employer-branding',
    deType: 'Arbeitgebermarke',
    de: 'Fachkräfte und Azubis gewinnen',
    en: 'Attract skilled staff and trainees',
    kpis: [{ de: 'Bewerbungen über Social', en: 'Applications via social', metric: 'applications' }],
  },
  {
    type: 'loyalty',
    deType: 'Kundenbindung',
    de: 'Stammkunden halten',
    en: 'Keep regular customers',
    kpis: [
      { de: 'Wiederkaufrate', en: 'Repeat purchase rate', metric: 'retention' },
      { de: 'Interaktionsrate', en: 'Engagement rate', metric: 'engagement rate' },
    ],
  },
  {
    type: 'service',
    deType: 'Kundenservice',
    de: 'Fragen schnell beantworten',
    en: 'Answer questions quickly',
    kpis: [{ de: 'Antwortzeit', en: 'Response time', metric: 'response time' }],
  },
];
const MODES: { key: string; de: string; titles: { de: string[]; en: string[] } }[] = [
  {
    key: 'push',
    de: 'Werbung',
    titles: { de: ['Angebot der Woche: {t}', 'Jetzt buchen: {t}', 'Neu bei uns: {t}'], en: ['Offer of the week: {t}', 'Book now: {t}', 'New: {t}'] },
  },
  {
    key: 'story',
    de: 'Geschichte',
    titles: { de: ['Wie alles begann: {t}', 'Eine Kundin erzählt: {t}'], en: ['How it started: {t}', "A customer's story: {t}"] },
  },
  {
    key: 'dialog',
    de: 'Dialog',
    titles: { de: ['Umfrage: Was wünscht ihr euch zu {t}?', 'Eure Fragen zu {t}'], en: ['Poll: what do you want from {t}?', 'Your questions about {t}'] },
  },
  { key: 'service', de: 'Tipps', titles: { de: ['5 Tipps zu {t}', "So geht's: {t}"], en: ['5 tips on {t}', 'How to: {t}'] } },
  {
    key: 'people',
    de: 'Menschen',
    titles: { de: ['Ein Tag mit unserem Team: {t}', 'Hinter den Kulissen: {t}'], en: ['A day with our team: {t}', 'Behind the scenes: {t}'] },
  },
  { key: 'ugc', de: 'Kundenstimmen', titles: { de: ['Eure Bilder zu {t}', 'Kundenstimme: {t}'], en: ['Your photos of {t}', 'Customer voice: {t}'] } },
];
const STATUS = {
  de: ['Idee', 'geplant', 'Entwurf', 'in Freigabe', 'freigegeben', 'eingeplant', 'veröffentlicht'],
  en: ['idea', 'planned', 'draft', 'in-review', 'approved', 'scheduled', 'published'],
};

interface Org {
  i: number;
  lang: Lang;
  name: string;
  slug: string;
  topics: string[];
  people: { id: string; role: string; dep: string }[];
  goals: { id: string; title: string; type: string; deType: string; kpis: string[]; primary: boolean }[];
  kpis: { id: string; title: string; metric: string; goal: string; target: string; baseline: string; deadline: string; source: string }[];
  audiences: { id: string; title: string }[];
  channels: { id: string; name: string; formats: string[]; goals: string[]; people: string[]; audiences: string[] }[];
}

function makeOrg(i: number, r: () => number): Org {
  const lang: Lang = i % 2 === 0 ? 'de' : 'en';
  const kind = ORGS[i % ORGS.length];
  const name = `${kind[lang]} ${SURNAMES[Math.floor(i / ORGS.length) % SURNAMES.length]}${i >= ORGS.length * SURNAMES.length ? ` ${i}` : ''}`;
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const nPeople = 4 + Math.floor(r() * 4);
  const people = PEOPLE.slice(0, nPeople).map((id, k) => {
    const role = ROLES[k % ROLES.length];
    return { id, role: role[lang], dep: role.dep[lang] };
  });
  const nGoals = 2 + Math.floor(r() * 3);
  const goals: Org['goals'] = [];
  const kpis: Org['kpis'] = [];
  for (let g = 0; g < nGoals; g++) {
    const def = GOALS[(i + g) % GOALS.length];
    const gid = `G${g + 1}`;
    const ks: string[] = [];
    for (const k of def.kpis) {
      const kid = `K${kpis.length + 1}`;
      ks.push(kid);
      const smart = r() > 0.2;
      kpis.push({
        id: kid,
        title: k[lang],
        metric: k.metric,
        goal: gid,
        target: smart ? `${10 + Math.floor(r() * 90)}/${lang === 'de' ? 'Monat' : 'month'}` : '',
        baseline: smart ? `${Math.floor(r() * 10)}/${lang === 'de' ? 'Monat' : 'month'}` : '',
        deadline: smart ? `2027-${String(3 + Math.floor(r() * 10)).padStart(2, '0')}-30` : '',
        source: smart ? pick(['CRM', 'Google Analytics', 'Meta Business Suite', 'LinkedIn Analytics', 'Kasse']) : '',
      });
    }
    goals.push({ id: gid, title: def[lang], type: def.type, deType: def.deType, kpis: ks, primary: g === 0 });
  }
  const audiences = [
    { id: 'A1', title: lang === 'de' ? 'Familien aus der Region' : 'Local families' },
    { id: 'A2', title: lang === 'de' ? 'Berufstätige 30–50' : 'Professionals 30-50' },
    { id: 'A3', title: lang === 'de' ? 'Schulabgänger' : 'School leavers' },
  ];
  const nCh = 3 + Math.floor(r() * 3);
  const channels = CHANNELS.slice(0, nCh).map((c, k) => ({
    ...c,
    goals: [goals[k % goals.length].id, ...(r() > 0.5 ? [goals[(k + 1) % goals.length].id] : [])].filter((x, j, a) => a.indexOf(x) === j),
    people: [people[k % people.length].id],
    audiences: [audiences[k % audiences.length].id],
  }));
  return { i, lang, name, slug: `org-${String(i).padStart(3, '0')}`, topics: kind.topic[lang], people, goals, kpis, audiences, channels };
}

const TEXT = {
  de: {
    listening:
      'Wir beobachten die drei größten Mitbewerber in der Region und werten monatlich Erwähnungen, Bewertungen und Fragen aus. Was sagen Kundinnen über uns? Wo sind wir besser, wo schwächer?',
    value:
      'Wir erklären ehrlich und verständlich, helfen bei Fragen rund um unser Angebot und zeigen die Menschen hinter dem Betrieb. Wir versprechen nichts, was wir nicht halten.',
    faces: 'Das Gesicht nach außen sind @anna und @dirk. Mitarbeitende zeigen wir nur mit ihrer Zustimmung.',
    governance:
      'Beiträge schreibt das Social-Media-Team; die Freigabe erteilt die Geschäftsführung innerhalb von 24 Stunden. Bei Presse- und Krisenthemen gibt die Pressestelle frei.',
    meetings: 'Jeden Montag um 9 Uhr treffen wir uns 30 Minuten zur Redaktionskonferenz; einmal im Quartal prüfen wir die Kennzahlen.',
    guidelines:
      'Alle Mitarbeitenden dürfen Beiträge teilen. Interna, Kundendaten und Preise vor der Veröffentlichung sind tabu. Im Zweifel fragen Sie das Social-Media-Team.',
    crisis:
      'Kritik beantworten wir innerhalb von zwei Stunden sachlich und öffentlich, danach im direkten Gespräch. Bei einem Shitstorm entscheidet die Geschäftsführung mit der Pressestelle.',
  },
  en: {
    listening:
      'We follow our three largest competitors in the region and review mentions, reviews and questions every month. What do customers say about us? Where are we better, where weaker?',
    value:
      'We explain honestly and clearly, help with questions about what we offer and show the people behind the business. We promise nothing we cannot keep.',
    faces: 'Our public faces are @anna and @dirk. We show employees only with their consent.',
    governance: 'The social media team writes posts; management approves them within 24 hours. The press office approves anything about press or crises.',
    meetings: 'Every Monday at 9 we meet for a 30-minute editorial meeting; once a quarter we review the KPIs.',
    guidelines:
      'Every employee may share posts. Internal matters, customer data and unpublished prices are off limits. When in doubt, ask the social media team.',
    crisis:
      'We answer criticism within two hours, factually and in public, then in a direct conversation. In a shitstorm, management decides together with the press office.',
  },
};

function strategyMarkdown(o: Org): string {
  const de = o.lang === 'de';
  const T = TEXT[o.lang];
  const L: string[] = [];
  L.push(
    '---',
    'stratdoc: strategy',
    `title: ${de ? 'Social-Media-Strategie 2027' : 'Social media strategy 2027'} – ${o.name}`,
    `language: ${o.lang}`,
    'period: 2027-01-01..2027-12-31',
    '---',
  );
  L.push(`# ${de ? 'Social-Media-Strategie 2027' : 'Social media strategy 2027'} – ${o.name}`, '');
  L.push(de ? '## 1. Team' : '## 1. Team', de ? '| Person | Rolle | Bereich |' : '| Person | Role | Department |', '|---|---|---|');
  for (const p of o.people) L.push(`| @${p.id} | ${p.role} | ${p.dep} |`);
  L.push('', de ? '## 2. Zuhören und Vergleichen' : '## 2. Listen and compare', T.listening, '');
  L.push(de ? '## 3. Ziele' : '## 3. Goals');
  for (const g of o.goals) {
    L.push(
      `### ${g.id}: ${g.title}`,
      `- ${de ? 'Art' : 'Type'}: ${de ? g.deType : g.type}`,
      `- ${de ? 'Primär' : 'Primary'}: ${g.primary ? (de ? 'ja' : 'yes') : de ? 'nein' : 'no'}`,
      `- ${de ? 'Kennzahlen' : 'KPIs'}: ${g.kpis.join(', ')}`,
      '',
    );
  }
  L.push(de ? '## 4. Kennzahlen' : '## 4. KPIs');
  L.push(
    de
      ? '| ID | Kennzahl | Metrik | Zielwert | Ausgangswert | Frist | Quelle | Ziel |'
      : '| ID | Title | Metric | Target | Baseline | Deadline | Source | Goal |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const k of o.kpis) L.push(`| ${k.id} | ${k.title} | ${k.metric} | ${k.target} | ${k.baseline} | ${k.deadline} | ${k.source} | ${k.goal} |`);
  L.push('', de ? '## 5. Zielgruppen' : '## 5. Audiences');
  for (const a of o.audiences)
    L.push(
      `### ${a.id}: ${a.title}`,
      `- ${de ? 'Bedürfnisse' : 'Needs'}: ${de ? 'verlässliche Informationen, kurze Wege' : 'reliable information, short distances'}`,
      '',
    );
  L.push(de ? '## 6. Mehrwert' : '## 6. Value', T.value, '', de ? '## 7. Menschliches Antlitz' : '## 7. Human face', T.faces, '');
  L.push(de ? '## 8. Kanalplan' : '## 8. Channel plan');
  for (const c of o.channels) {
    L.push(
      `### ${c.name}`,
      `- ${de ? 'Warum' : 'Why'}: ${de ? 'hier erreichen wir' : 'this is where we reach'} ${o.audiences.find((a) => a.id === c.audiences[0])!.title}`,
      `- ${de ? 'Wie' : 'How'}: ${de ? '2 Beiträge pro Woche' : '2 posts a week'}`,
      `- ${de ? 'Ressourcen' : 'Resources'}: ${c.people.map((p) => '@' + p).join(', ')}, ${de ? '4 h/Woche' : '4 h/week'}`,
      `- ${de ? 'Zielgruppen' : 'Audiences'}: ${c.audiences.join(', ')}`,
      `- ${de ? 'Ziele' : 'Goals'}: ${c.goals.join(', ')}`,
      '',
    );
  }
  L.push(de ? '## Rollen und Freigabe' : '## Roles and approval', T.governance, '');
  L.push(de ? '## Redaktionskonferenz' : '## Editorial meeting', T.meetings, '');
  L.push(de ? '## Social-Media-Guidelines' : '## Guidelines', T.guidelines, '');
  L.push(de ? '## Krisenplan' : '## Crisis plan', T.crisis, '');
  return L.join('\n');
}

const q = (s: string) => (/^[\w .,/()–-]*$/.test(s) && !/^[\d-]/.test(s) && !/: /.test(s) ? s : JSON.stringify(s));

function strategyYaml(o: Org): string {
  const T = TEXT[o.lang];
  const L: string[] = [
    'stratdoc: strategy',
    `title: ${q(`Social media strategy 2027 – ${o.name}`)}`,
    `language: ${o.lang}`,
    'period: 2027-01-01..2027-12-31',
    'team:',
  ];
  for (const p of o.people) L.push(`  - { id: "@${p.id}", role: ${q(p.role)}, department: ${q(p.dep)} }`);
  L.push(`listening: ${q(T.listening)}`, 'goals:');
  for (const g of o.goals)
    L.push(`  - id: ${g.id}`, `    title: ${q(g.title)}`, `    type: ${g.type}`, `    primary: ${g.primary}`, `    kpis: [${g.kpis.join(', ')}]`);
  L.push('kpis:');
  for (const k of o.kpis)
    L.push(
      `  - { id: ${k.id}, title: ${q(k.title)}, metric: ${q(k.metric)}, target: ${q(k.target)}, baseline: ${q(k.baseline)}, deadline: ${q(k.deadline)}, source: ${q(k.source)}, goal: ${k.goal} }`,
    );
  L.push('audiences:');
  for (const a of o.audiences) L.push(`  - { id: ${a.id}, title: ${q(a.title)} }`);
  L.push(`value: ${q(T.value)}`, `faces: ${q(T.faces)}`, 'channels:');
  for (const c of o.channels)
    L.push(
      `  - id: ${c.id}`,
      `    why: ${q(`Reaches ${o.audiences.find((a) => a.id === c.audiences[0])!.title}`)}`,
      '    how: 2 posts a week',
      `    resources: [${c.people.map((p) => `"@${p}"`).join(', ')}, 4 h/week]`,
      `    audiences: [${c.audiences.join(', ')}]`,
      `    goals: [${c.goals.join(', ')}]`,
    );
  L.push(`governance: ${q(T.governance)}`, `meetings: ${q(T.meetings)}`, `guidelines: ${q(T.guidelines)}`, `crisis: ${q(T.crisis)}`, '');
  return L.join('\n');
}

interface Entry {
  date: string;
  channel: string;
  format: string;
  title: string;
  mode?: string;
  modeDe?: string;
  goal?: string;
  kpi?: string;
  owner?: string;
  reviewer?: string;
  status: string;
  link?: string;
}

function entries(o: Org, n: number, r: () => number): Entry[] {
  const out: Entry[] = [];
  const start = Date.UTC(2027, 0, 1);
  for (let k = 0; k < n; k++) {
    const day = Math.floor((k * 364) / n);
    const date = new Date(start + day * 86400000).toISOString().slice(0, 10);
    const c = o.channels[Math.floor(r() * o.channels.length)];
    const modeDef = MODES[r() < 0.25 ? 0 : 1 + Math.floor(r() * (MODES.length - 1))];
    const topic = o.topics[Math.floor(r() * o.topics.length)];
    const titles = modeDef.titles[o.lang];
    const title = titles[Math.floor(r() * titles.length)].replace('{t}', topic);
    const goal = r() > 0.08 ? c.goals[Math.floor(r() * c.goals.length)] : undefined;
    const g = goal ? o.goals.find((x) => x.id === goal) : undefined;
    const owner = r() > 0.05 ? o.people[Math.floor(r() * o.people.length)].id : undefined;
    const reviewer = r() > 0.15 ? o.people[1].id : undefined;
    // Past entries are mostly published (a few stale), future ones at every stage (a rare one already "published").
    const past = date < '2027-02-15';
    const si = past ? (r() < 0.9 ? 6 : 1) : r() < 0.01 ? 6 : Math.floor(r() * 6);
    const status = STATUS[o.lang][si];
    out.push({
      date,
      channel: c.id,
      format: c.formats[Math.floor(r() * c.formats.length)],
      title,
      mode: r() > 0.1 ? modeDef.key : undefined,
      modeDe: modeDef.de,
      goal,
      kpi: g && r() > 0.5 ? g.kpis[0] : undefined,
      owner,
      reviewer,
      status,
      link:
        r() > 0.6
          ? `https://${o.slug}.example/${encodeURIComponent(topic.replace(/\s+/g, '-').toLowerCase())}${r() > 0.3 ? `?utm_source=${c.id}&utm_campaign=2027` : ''}`
          : undefined,
    });
  }
  return out;
}

function planMarkdown(o: Org, list: Entry[], strategyRel: string, monthly: boolean): string {
  const de = o.lang === 'de';
  const L: string[] = [
    '---',
    'stratdoc: plan',
    `strategy: ${strategyRel}`,
    'period: 2027-01-01..2027-12-31',
    '---',
    `# ${de ? 'Redaktionsplan 2027' : 'Editorial plan 2027'} – ${o.name}`,
    '',
  ];
  const header = de
    ? '| Datum | Kanal | Format | Thema | Modus | Ziel | Kennzahl | Verantwortlich | Freigabe | Status | Link |'
    : '| Date | Channel | Format | Title | Mode | Goal | KPI | Owner | Reviewer | Status | Link |';
  let month = '';
  for (const e of list) {
    const m = e.date.slice(0, 7);
    if (m !== month && (monthly || month === '')) {
      if (month) L.push('');
      L.push(`## ${monthly ? m : de ? 'Alle Beiträge' : 'All posts'}`, '', header, '|---|---|---|---|---|---|---|---|---|---|---|');
    }
    month = m;
    const mode = e.mode ? (de ? e.modeDe! : e.mode) : '';
    L.push(
      `| ${de ? `${e.date.slice(8, 10)}.${e.date.slice(5, 7)}.${e.date.slice(0, 4)}` : e.date} | ${e.channel} | ${e.format} | ${e.title.replace(/\|/g, '\\|')} | ${mode} | ${e.goal ?? ''} | ${e.kpi ?? ''} | ${e.owner ? '@' + e.owner : ''} | ${e.reviewer ? '@' + e.reviewer : ''} | ${e.status} | ${e.link ?? ''} |`,
    );
  }
  L.push('');
  return L.join('\n');
}

function planYaml(o: Org, list: Entry[], strategyRel: string): string {
  const L: string[] = [
    'stratdoc: plan',
    `strategy: ${strategyRel}`,
    'period: 2027-01-01..2027-12-31',
    `title: ${q(`Editorial plan 2027 – ${o.name}`)}`,
    'entries:',
  ];
  for (const e of list) {
    L.push(`  - date: ${e.date}`, `    channel: ${e.channel}`, `    format: ${e.format}`, `    title: ${q(e.title)}`);
    if (e.mode) L.push(`    mode: ${e.mode}`);
    if (e.goal) L.push(`    goal: ${e.goal}`);
    if (e.kpi) L.push(`    kpi: ${e.kpi}`);
    if (e.owner) L.push(`    owner: ${e.owner}`);
    if (e.reviewer) L.push(`    reviewer: "@${e.reviewer}"`);
    L.push(`    status: ${e.status}`);
    if (e.link) L.push(`    link: ${e.link}`);
  }
  L.push('');
  return L.join('\n');
}

/** Writes the corpus into `dir` (which must be empty or absent) and returns its size. */
export function generateCorpus(dir: string, opts: CorpusOptions): CorpusStats {
  const stats: CorpusStats = { files: 0, bytes: 0, markdown: 0, yaml: 0, entries: 0 };
  const write = (rel: string, text: string) => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    stats.files++;
    stats.bytes += Buffer.byteLength(text);
    if (rel.endsWith('.md')) stats.markdown++;
    else stats.yaml++;
  };
  for (let i = 0; i < opts.strategies; i++) {
    const r = rng((opts.seed ?? 2027) * 1000 + i);
    const o = makeOrg(i, r);
    // Half the strategies in Markdown, half in YAML; the plans cross over (a Markdown
    // strategy gets a YAML plan every other time, and the other way round).
    const mdStrategy = i % 2 === 0;
    const mdPlan = i % 4 === 0 || i % 4 === 3;
    const sName = mdStrategy ? (o.lang === 'de' ? 'strategie.md' : 'strategy.md') : 'strategy.yaml';
    write(`${o.slug}/${sName}`, mdStrategy ? strategyMarkdown(o) : strategyYaml(o));
    const planDir = o.lang === 'de' ? 'plaene' : 'plans';
    for (let k = 0; k < (opts.plans ?? 1); k++) {
      const list = entries(o, opts.entries, r);
      stats.entries += list.length;
      const name = k === 0 ? '2027' : `2027-${k + 1}`;
      // With several plans per strategy, the Markdown and YAML plans alternate.
      const md = (opts.plans ?? 1) > 1 ? (k % 2 === 0) === mdPlan : mdPlan;
      if (md) write(`${o.slug}/${planDir}/${name}.plan.md`, planMarkdown(o, list, `../${sName}`, i % 3 !== 0));
      else write(`${o.slug}/${planDir}/${name}.plan.yaml`, planYaml(o, list, `../${sName}`));
    }
  }
  return stats;
}

/**
 * A ~100 KB Markdown strategy in German: 60 people, 120 goals and KPIs, 20 audiences,
 * six channels, and paragraphs of prose (the language server benchmark's strategy).
 */
export function bigStrategy(): string {
  const r = rng(7);
  const lines = ['---', 'stratdoc: strategy', 'title: Große Strategie', 'language: de', 'period: 2027-01-01..2027-12-31', '---', '# Große Strategie', ''];
  lines.push('## 1. Team', '| Person | Rolle | Bereich |', '|---|---|---|');
  for (let i = 0; i < 60; i++) lines.push(`| @p${i} | Redaktion ${i} | ${['Marketing', 'Vertrieb', 'Personal', 'Presse', 'Geschäftsführung'][i % 5]} |`);
  lines.push('', '## 2. Zuhören');
  for (let i = 0; i < 40; i++)
    lines.push(
      `Wir beobachten Thema ${i} auf allen Kanälen und vergleichen uns mit Wettbewerber ${i}. ` +
        'Die Kundschaft fragt nach Preisen, Reichweite und Service. '.repeat(3),
      '',
    );
  lines.push('## 3. Ziele');
  for (let i = 1; i <= 120; i++)
    lines.push(
      `### G${i}: Ziel Nummer ${i} für mehr Anfragen`,
      `- Art: ${['Abverkauf', 'Bekanntheit', 'Kundenbindung'][i % 3]}`,
      `- Primär: ${i === 1 ? 'ja' : 'nein'}`,
      `- Kennzahlen: K${i}`,
      '',
      `Beschreibung von Ziel ${i}: ` + 'warum es zählt. '.repeat(4),
      '',
    );
  lines.push('## 4. Kennzahlen', '| ID | Kennzahl | Metrik | Zielwert | Ausgangswert | Frist | Quelle | Ziel |', '|---|---|---|---|---|---|---|---|');
  for (let i = 1; i <= 120; i++)
    lines.push(
      `| K${i} | Anfragen ${i} | ${['leads', 'conversions', 'reach'][i % 3]} | ${Math.floor(r() * 100)} | ${Math.floor(r() * 50)} | 2027-12-31 | CRM | G${i} |`,
    );
  lines.push('', '## 5. Zielgruppe');
  for (let i = 1; i <= 20; i++) lines.push(`### A${i}: Zielgruppe ${i}`, `- Bedürfnisse: Beratung, Preis, Nähe`, '');
  lines.push('## 6. Mehrwert', 'Wir helfen ehrlich. '.repeat(50), '', '## 7. Gesichter', 'Unser Team zeigt sich. '.repeat(50), '', '## 8. Kanalplan');
  for (const ch of ['Instagram', 'Facebook', 'LinkedIn', 'Newsletter', 'TikTok', 'YouTube'])
    lines.push(
      `### ${ch}`,
      '- Warum: weil wir dort Kundschaft erreichen',
      '- Wie: 3 Beiträge pro Woche',
      '- Ressourcen: @p1, 4 h/Woche',
      '- Ziele: G1, G2',
      '',
    );
  lines.push(
    '## Rollen und Freigabe',
    'Anna schreibt, Dirk gibt frei.',
    '',
    '## Redaktionskonferenz',
    'Montags.',
    '',
    '## Social-Media-Guidelines',
    'Im Intranet.',
    '',
    '## Umgang mit Kritik',
    'Binnen vier Stunden.',
    '',
  );
  // Up to ~100 KB, prose as strategies have it: paragraphs of a few lines. (Until
  // 2026-11-22 the filler was one paragraph of 60 KB without a blank line, which no
  // strategy has and which made every edit in it re-parse all of it.)
  let s = lines.join('\n');
  for (let i = 0; Buffer.byteLength(s) < 100 * 1024; i++) {
    s += `\nAbsatz ${i}: Wir erklären hier, wie die Strategie im Alltag gelebt wird.\nDie Redaktion stimmt sich wöchentlich ab und prüft die Kennzahlen.\nKritik beantworten wir sachlich, schnell und mit Namen.\n`;
  }
  return s;
}
