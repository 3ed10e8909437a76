/** Pathological texts for the bad-input tests (and for timing them one by one). */
import {
  FM_PLAN,
  FM_STRATEGY,
  PLAN,
  PLAN_HEADER,
  PLAN_MD,
  PLAN_YAML,
  PLAN_YAML_TEXT,
  STRATEGY,
  STRATEGY_HEAD,
  STRATEGY_MD,
  STRATEGY_TAIL,
  STRATEGY_YAML,
  STRATEGY_YAML_TEXT,
  WS,
  planRow,
  planTable,
} from './docs';

// ------------------------------------------------------------------ pathological texts

function randomBytes(n: number, seed: number): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    // Mostly printable, with line breaks, pipes, dashes and @ to wake up the readers.
    const r = a >>> 24;
    out[i] = r < 16 ? 10 : r < 24 ? 124 : r < 30 ? 45 : r < 34 ? 64 : r < 38 ? 35 : r;
  }
  return out;
}

const lenient = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

export interface Bad {
  name: string;
  uri: string;
  text(): string;
}

const md = (body: string) => `${FM_STRATEGY}## Ziele\n${body}\n`;
const inStrategy = (body: string) => `${STRATEGY_HEAD}${body}\n${STRATEGY_TAIL}`;
const inPlan = (body: string) => `${FM_PLAN}${planTable(2)}${body}\n`;
const cellRow = (cell: string) => `| 2027-01-20 | instagram | reel | ${cell} | Dialog | G1 | @anna | @dirk | geplant |`;

function nestedList(depth: number): string {
  let s = '';
  for (let i = 0; i < depth; i++) s += `${'  '.repeat(i)}- G${i}: Ebene ${i}\n`;
  return s;
}

function wideTable(cols: number, rows: number, header: (i: number) => string): string {
  let s = `| ${Array.from({ length: cols }, (_, i) => header(i)).join(' | ')} |\n|${'---|'.repeat(cols)}\n`;
  for (let r = 0; r < rows; r++)
    s += `| ${Array.from({ length: cols }, (_, i) => (i === 0 ? `2027-01-${String((r % 28) + 1).padStart(2, '0')}` : `c${r}.${i}`)).join(' | ')} |\n`;
  return s;
}

const PLAN_WORDS = ['Datum', 'Kanal', 'Thema', 'Modus', 'Ziel', 'Verantwortlich', 'Freigabe', 'Status', 'Link', 'Format'];

export const BAD: Bad[] = [
  // Deep nesting
  { name: '5000 levels of > (one line)', uri: STRATEGY_MD, text: () => md('> '.repeat(5000) + 'G1: tief') },
  { name: '5000 levels of > (growing lines)', uri: STRATEGY_MD, text: () => md(Array.from({ length: 5000 }, (_, i) => '>'.repeat(i + 1) + ' x').join('\n')) },
  { name: '5000 levels of > in a plan', uri: PLAN_MD, text: () => inPlan('>'.repeat(5000) + ' | 2027-01-01 | instagram |') },
  // Nesting by indentation grows the text quadratically, and remark's list handling
  // (mdast-util-from-markdown prepareList) is superlinear in depth: 300 levels are 90 KB.
  { name: '300 nested list levels', uri: STRATEGY_MD, text: () => md(nestedList(300)) },
  // remark is superlinear here too (5000 markers take minutes); 1000 take about half a second.
  { name: '1000 nested list markers on one line', uri: STRATEGY_MD, text: () => md('- '.repeat(1000) + 'G1: tief') },
  { name: '1000 nested blockquote list markers on one line', uri: PLAN_MD, text: () => inPlan('> - '.repeat(1000) + '| 2027-01-01 |') },
  { name: '200 nested list levels inside a channel', uri: STRATEGY_MD, text: () => inStrategy('### LinkedIn\n' + nestedList(200)) },
  { name: '10000 [ brackets', uri: STRATEGY_MD, text: () => md('- G1: ' + '['.repeat(10000)) },
  { name: '10000 emphasis openers', uri: STRATEGY_MD, text: () => md('### G1: ' + '*a '.repeat(10000)) },
  { name: 'nested links and images', uri: STRATEGY_MD, text: () => md('- G1: ' + '[!['.repeat(3000) + ']('.repeat(3000)) },
  { name: '5000 nested HTML tags', uri: STRATEGY_MD, text: () => md('<div>'.repeat(5000) + '\n\n### G1: x') },
  { name: '3000 backtick runs', uri: STRATEGY_MD, text: () => md('- G1: ' + Array.from({ length: 3000 }, (_, i) => '`'.repeat((i % 7) + 1) + 'x').join(' ')) },
  // Huge lines
  { name: '200 KB single line (paragraph)', uri: STRATEGY_MD, text: () => md('x'.repeat(200_000)) },
  { name: '200 KB heading', uri: STRATEGY_MD, text: () => md('### G1: ' + 'Titel '.repeat(34_000)) },
  { name: '200 KB section heading', uri: STRATEGY_MD, text: () => `${FM_STRATEGY}## ${'Ziele und Kennzahlen '.repeat(10_000)}\n### G1: x\n` },
  { name: '200 KB reference list', uri: STRATEGY_MD, text: () => md('### G1: x\n- Kennzahlen: ' + 'K1, '.repeat(50_000)) },
  { name: '200 KB of ids with separators', uri: STRATEGY_MD, text: () => md('### G1: x\n- Kennzahlen: ' + 'K1 und K2 and K3; '.repeat(11_000)) },
  { name: '200 KB key: value', uri: STRATEGY_MD, text: () => md('### G1: x\n- ' + 'Art'.repeat(66_000) + ': ' + 'x') },
  { name: '200 KB table cell', uri: PLAN_MD, text: () => inPlan(cellRow('y'.repeat(200_000))) },
  { name: '200 KB table row of pipes', uri: PLAN_MD, text: () => inPlan('|'.repeat(200_000)) },
  { name: '200 KB front matter value', uri: STRATEGY_MD, text: () => `---\nstratdoc: strategy\ntitle: ${'t'.repeat(200_000)}\n---\n## Ziele\n` },
  { name: '200 KB YAML scalar', uri: PLAN_YAML, text: () => PLAN_YAML_TEXT + `  - title: ${'z'.repeat(200_000)}\n` },
  { name: '200 KB YAML flow sequence', uri: STRATEGY_YAML, text: () => STRATEGY_YAML_TEXT.replace('kpis: [K1]', `kpis: [${'K1, '.repeat(50_000)}K1]`) },
  { name: '200 KB of spaces', uri: STRATEGY_MD, text: () => md(' '.repeat(200_000) + 'x') },
  { name: '200 KB without any line break', uri: `${WS}one.strategy.md`, text: () => '## Ziele '.repeat(22_000) },
  // Wide tables
  { name: 'plan table with 300 columns', uri: PLAN_MD, text: () => `${FM_PLAN}${wideTable(300, 30, (i) => PLAN_WORDS[i % PLAN_WORDS.length])}` },
  { name: 'plan table with 300 unknown columns', uri: PLAN_MD, text: () => `${FM_PLAN}${wideTable(300, 30, (i) => (i < 2 ? PLAN_WORDS[i] : `Spalte ${i}`))}` },
  {
    name: 'KPI table with 300 columns',
    uri: STRATEGY_MD,
    text: () => `${FM_STRATEGY}## Kennzahlen\n${wideTable(300, 20, (i) => (i === 0 ? 'ID' : `Metrik ${i}`)).replace(/\| 2027-01-(\d\d) \|/g, '| K$1 |')}`,
  },
  {
    name: 'team table with 300 columns of handles',
    uri: STRATEGY_MD,
    text: () => `${FM_STRATEGY}## Team\n${wideTable(300, 20, (i) => `Person ${i}`).replace(/c(\d+)\.(\d+)/g, '@p$1x$2')}`,
  },
  { name: 'plan table with 5000 rows', uri: PLAN_MD, text: () => `${FM_PLAN}${planTable(5000)}` },
  {
    name: 'plan table of 1000 rows without a blank line before text',
    uri: PLAN_MD,
    text: () => `${FM_PLAN}${planTable(1000)}Text direkt danach\n| nur eine Zelle\n`,
  },
  { name: 'delimiter rows only', uri: PLAN_MD, text: () => `${FM_PLAN}| Datum | Kanal |\n${'|---|---|\n'.repeat(3000)}` },
  // @ characters
  { name: '10000 @ in a team list item', uri: STRATEGY_MD, text: () => `${FM_STRATEGY}## Team\n- ${'@'.repeat(10_000)}\n` },
  { name: '5000 handles in one team list item', uri: STRATEGY_MD, text: () => `${FM_STRATEGY}## Team\n- ${'@a '.repeat(5000)}\n` },
  {
    name: '5000 distinct handles in one item',
    uri: STRATEGY_MD,
    text: () => `${FM_STRATEGY}## Team\n- ${Array.from({ length: 5000 }, (_, i) => `@p${i}`).join(', ')}\n`,
  },
  { name: '10000 @ in a plan cell', uri: PLAN_MD, text: () => inPlan(cellRow('@'.repeat(10_000))) },
  { name: '10000 @ as a YAML owner', uri: PLAN_YAML, text: () => PLAN_YAML_TEXT.replace('owner: anna', `owner: ${'@'.repeat(10_000)}`) },
  {
    name: '10000 @ in YAML resources',
    uri: STRATEGY_YAML,
    text: () => STRATEGY_YAML_TEXT.replace('resources: ["@anna"]', `resources: [${'@a, '.repeat(2500)}]`),
  },
  { name: '10000 @ in a channel resources line', uri: STRATEGY_MD, text: () => inStrategy(`### LinkedIn\n- Ressourcen: ${'@'.repeat(10_000)}\n- Warum: x`) },
  { name: '10000 @ in front matter', uri: STRATEGY_MD, text: () => `---\nstratdoc: strategy\ntitle: ${'@'.repeat(10_000)}\n---\n` },
  // Fences
  { name: 'unmatched ``` fence at the start', uri: STRATEGY_MD, text: () => `${FM_STRATEGY}\`\`\`\n${STRATEGY.slice(FM_STRATEGY.length)}` },
  { name: 'unmatched ~~~ fence in a section', uri: STRATEGY_MD, text: () => inStrategy('~~~~~\n## Nicht mehr Abschnitt') },
  {
    name: '1000 alternating fences',
    uri: STRATEGY_MD,
    text: () => md(Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? '```' : i % 3 === 1 ? '~~~' : '## Kennzahlen')).join('\n')),
  },
  { name: 'unmatched fence in a plan', uri: PLAN_MD, text: () => `${FM_PLAN}\`\`\`\n${planTable(70)}` },
  { name: 'unclosed front matter', uri: STRATEGY_MD, text: () => `---\nstratdoc: strategy\n## Ziele\n### G1: x\n` },
  { name: 'unclosed HTML comment', uri: STRATEGY_MD, text: () => `${STRATEGY_HEAD}<!-- stratdoc-disable\n${STRATEGY_TAIL}` },
  { name: 'stratdoc-disable-next-line on the last line', uri: STRATEGY_MD, text: () => `${STRATEGY}<!-- stratdoc-disable-next-line -->` },
  { name: 'YAML disable comment on the last line', uri: PLAN_YAML, text: () => `${PLAN_YAML_TEXT}# stratdoc-disable-next-line` },
  // Line breaks, BOM, tabs
  { name: 'CRLF strategy', uri: STRATEGY_MD, text: () => STRATEGY.replace(/\n/g, '\r\n') },
  { name: 'CRLF strategy with BOM', uri: STRATEGY_MD, text: () => '\uFEFF' + STRATEGY.replace(/\n/g, '\r\n') },
  { name: 'CR-only line breaks', uri: STRATEGY_MD, text: () => STRATEGY.replace(/\n/g, '\r') },
  {
    name: 'mixed line breaks',
    uri: PLAN_MD,
    text: () =>
      PLAN.split('\n')
        .map((l, i) => l + ['\n', '\r\n', '\r'][i % 3])
        .join(''),
  },
  { name: 'CRLF plan with BOM', uri: PLAN_MD, text: () => '\uFEFF' + PLAN.replace(/\n/g, '\r\n') },
  { name: 'CRLF YAML strategy with BOM', uri: STRATEGY_YAML, text: () => '\uFEFF' + STRATEGY_YAML_TEXT.replace(/\n/g, '\r\n') },
  { name: 'CRLF YAML plan with an unquoted @', uri: PLAN_YAML, text: () => PLAN_YAML_TEXT.replace('owner: anna', 'owner: @anna').replace(/\n/g, '\r\n') },
  { name: 'BOM only', uri: STRATEGY_MD, text: () => '\uFEFF' },
  { name: 'BOM in the middle', uri: STRATEGY_MD, text: () => STRATEGY.replace('## 3. Ziele', '\uFEFF## 3. Ziele') },
  { name: 'tabs everywhere', uri: STRATEGY_MD, text: () => STRATEGY.replace(/ /g, '\t') },
  { name: 'tabs in a plan', uri: PLAN_MD, text: () => PLAN.replace(/ /g, '\t') },
  { name: 'tab-indented YAML', uri: PLAN_YAML, text: () => PLAN_YAML_TEXT.replace(/ {4}/g, '\t') },
  { name: 'NUL and control characters', uri: STRATEGY_MD, text: () => STRATEGY.replace(/a/g, 'a\u0000').replace(/e/g, '\u0007e\u001b') },
  { name: 'U+2028 and U+2029 separators', uri: STRATEGY_MD, text: () => STRATEGY.replace(/ /g, '\u2028').replace(/:/g, ':\u2029') },
  // Unicode
  {
    name: 'emoji in IDs and titles',
    uri: STRATEGY_MD,
    text: () => inStrategy('### G😀1: 🚗 Ziel\n- Art: 🚀\n- Kennzahlen: K😀, 🎯\n### 🎯: nur Emoji\n## Kanalplan\n### 📸 Instagram\n- Ressourcen: @anna👩‍💻'),
  },
  { name: 'emoji in a plan table', uri: PLAN_MD, text: () => inPlan(cellRow('🚗 Probefahrt 🚀') + '\n| 📅 | 📸 | 🎬 | 👩‍👩‍👧 | 🤷 | 🎯 | @👩‍💻 | @🧑‍⚖️ | ✅ |') },
  { name: 'lone surrogates', uri: STRATEGY_MD, text: () => inStrategy('### G1\ud800: Ziel \udc00\n- Art: \ud83d\n| K\udfff | x |') },
  { name: 'lone surrogate at the end', uri: PLAN_MD, text: () => PLAN + '\ud83d' },
  { name: 'combining marks and RTL', uri: STRATEGY_MD, text: () => inStrategy('### G2: ز̈ي̈ل \u202eReversed\u202c\n- Art: Bekanntheit\u0301') },
  {
    name: 'emoji YAML',
    uri: STRATEGY_YAML,
    text: () => STRATEGY_YAML_TEXT.replace('G1, title: More test drives', 'G😀, title: 🚗🚀').replace('id: instagram', 'id: 📸'),
  },
  // Bytes that are not text, decoded leniently (as an editor shows them)
  { name: 'random bytes as a strategy', uri: `${WS}binaer.strategy.md`, text: () => lenient(randomBytes(20_000, 1)) },
  { name: 'random bytes as a YAML plan', uri: `${WS}binaer.plan.yaml`, text: () => lenient(randomBytes(20_000, 2)) },
  { name: 'random bytes after a marker', uri: STRATEGY_MD, text: () => FM_STRATEGY + '## Ziele\n' + lenient(randomBytes(20_000, 3)) },
  {
    name: 'a PNG header as a plan',
    uri: `${WS}bild.plan.md`,
    text: () => lenient(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...randomBytes(2000, 4)])),
  },
  { name: 'Latin-1 bytes decoded as UTF-8', uri: STRATEGY_MD, text: () => lenient(Uint8Array.from(STRATEGY, (c) => c.charCodeAt(0) & 0xff)) },
  // Empty and degenerate documents
  { name: 'empty strategy', uri: `${WS}leer.strategy.md`, text: () => '' },
  { name: 'empty plan', uri: `${WS}leer.plan.yaml`, text: () => '' },
  { name: 'only front matter', uri: STRATEGY_MD, text: () => '---\nstratdoc: strategy\n---' },
  { name: 'only a marker', uri: PLAN_YAML, text: () => 'stratdoc: plan' },
  { name: 'a YAML list at the top', uri: PLAN_YAML, text: () => '- stratdoc: plan\n- entries: []\n' },
  {
    name: 'YAML anchors and aliases (billion laughs)',
    uri: PLAN_YAML,
    text: () =>
      `stratdoc: plan\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nentries: [*e, *e, {title: *e, date: *a}]\n`,
  },
  { name: 'YAML with 5000 nested flow sequences', uri: STRATEGY_YAML, text: () => `stratdoc: strategy\ngoals: ${'['.repeat(5000)}${']'.repeat(5000)}\n` },
  {
    name: 'YAML with 2000 nested block mappings',
    uri: PLAN_YAML,
    text: () => `stratdoc: plan\nentries:\n  - ${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n    ')} x\n`,
  },
  { name: 'YAML with 1000 documents', uri: PLAN_YAML, text: () => `${PLAN_YAML_TEXT}${'---\nstratdoc: plan\n'.repeat(1000)}` },
  { name: 'YAML with duplicate keys', uri: STRATEGY_YAML, text: () => `${STRATEGY_YAML_TEXT}goals: []\nstratdoc: plan\n` },
  { name: 'a plan whose strategy is itself', uri: PLAN_YAML, text: () => PLAN_YAML_TEXT.replace('strategie.strategy.yaml', 'q1.plan.yaml') },
  { name: 'a plan whose strategy path is odd', uri: PLAN_YAML, text: () => PLAN_YAML_TEXT.replace('strategie.strategy.yaml', '"http://[::1"') },
  { name: 'a strategy path of 10000 ../', uri: PLAN_MD, text: () => PLAN.replace('strategy: strategie.md', `strategy: ${'../'.repeat(10_000)}x.md`) },
  {
    name: '3000 goals and KPIs',
    uri: STRATEGY_MD,
    text: () => `${FM_STRATEGY}## Ziele und Kennzahlen\n${Array.from({ length: 3000 }, (_, i) => `- G${i}: Ziel ${i}\n- K${i}: Kennzahl ${i}`).join('\n')}\n`,
  },
  { name: '5000 duplicate goals', uri: STRATEGY_MD, text: () => `${FM_STRATEGY}## Ziele\n${'- G1: dasselbe Ziel\n'.repeat(5000)}` },
  { name: '1000 channels', uri: STRATEGY_MD, text: () => `${STRATEGY}${Array.from({ length: 1000 }, (_, i) => `### kanal${i}\n- Warum: x\n`).join('')}` },
  {
    name: 'plan of 2000 entries on 1000 channels',
    uri: PLAN_MD,
    text: () => `${FM_PLAN}${PLAN_HEADER}${Array.from({ length: 2000 }, (_, i) => planRow(i % 400).replace('instagram', `kanal${i % 1000}`)).join('')}`,
  },
];
