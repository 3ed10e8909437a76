/**
 * Writes the TextMate injection grammars syntaxes/stratdoc-markdown.tmLanguage.json and
 * syntaxes/stratdoc-yaml.tmLanguage.json. Edit the word lists and patterns here, then run
 * `node scripts/gen-grammars.js`; test/grammars.test.ts checks that the files are current,
 * that every mode of server/src/core/vocab.ts is matched, and what is (not) highlighted.
 */
const fs = require('fs');
const path = require('path');
const alt = (list) =>
  list
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\&-]/g, (c) => (c === '-' || c === '&' ? c : '\\' + c)).replace(/ /g, '[ \\t]+'))
    .join('|');
const PUSH = ['push', 'werbung', 'produkt', 'angebot', 'presse', 'advertising', 'ad', 'product', 'offer', 'press release', 'press'];
const OTHER = [
  'story',
  'storytelling',
  'geschichte',
  'dialog',
  'dialogue',
  'umfrage',
  'frage',
  'poll',
  'question',
  'q&a',
  'service',
  'tipps',
  'tips',
  'ratgeber',
  'mehrwert',
  'how-to',
  'guide',
  'people',
  'menschen',
  'einblick',
  'team',
  'behind the scenes',
  'employees',
  'ugc',
  'community',
  'kundenstimmen',
  'user-generated',
  'customer content',
  'mixed',
  'gemischt',
];
// In table cells only words that rarely stand alone in other tables.
const GENERIC = new Set(['team', 'ad', 'frage', 'question', 'product', 'produkt', 'guide', 'offer', 'press', 'service', 'tips', 'people']);
const PUSH_T = PUSH.filter((w) => !GENERIC.has(w));
const OTHER_T = OTHER.filter((w) => !GENERIC.has(w));
// A distinctive ID: letters, then a digit (G1, K2, A1, Z3, KPI-4). Uppercase where no key says what follows.
const ID = '[A-Za-z][A-Za-z_-]{0,5}[0-9][A-Za-z0-9_.-]*';
const ID_UP = '[A-Z][A-Za-z_-]{0,5}[0-9][A-Za-z0-9_.-]*';
const SEP = '[ \\t]*(?:,|;|[ \\t]und[ \\t]|[ \\t]and[ \\t])[ \\t]*';
const REF_KEYS_MD = 'ziele?|zielbezug|goals?|kennzahlen|kpis?|messgr(?:ö|oe)(?:ß|ss)en|metrics|zielgruppen?|audiences?';
const modeScopes = { 1: { name: 'keyword.other.mode.push.stratdoc' }, 2: { name: 'keyword.other.mode.stratdoc' } };

const markdown = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'stratdoc (Markdown injection)',
  scopeName: 'markdown.stratdoc.injection',
  comment:
    'Highlights stratdoc IDs, @handles and modes in Markdown. Injected into every Markdown file, so it matches only distinctive text: @handles, IDs with a digit (G1, K2) where a definition or a reference field stands, and mode words after Modus:/Mode: or alone in a table cell.',
  injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw -comment -meta.embedded -meta.reference-list.stratdoc',
  patterns: [
    { include: '#id-heading' },
    { include: '#id-list-item' },
    { include: '#mode-field' },
    { include: '#reference-field' },
    { include: '#table-id' },
    { include: '#table-reference' },
    { include: '#table-mode' },
    { include: '#handle' },
  ],
  repository: {
    handle: {
      comment: '@anna (not an e-mail address, not @scope/package)',
      match: '(?<![\\w@.+/-])(@)([A-Za-z][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*)(?![\\w@/-])',
      name: 'variable.other.person.stratdoc',
      captures: { 1: { name: 'punctuation.definition.person.stratdoc' } },
    },
    'id-heading': {
      comment: '### G1: Title, ### K2 – Title',
      match: `(?<=^###[ \\t]|^####[ \\t]|^#####[ \\t]|^######[ \\t])(${ID})(?=[ \\t]*(?::|[ \\t][-–—][ \\t]))`,
      captures: { 1: { name: 'entity.name.type.id.stratdoc' } },
    },
    'id-list-item': {
      comment: '- G1: Title, - **K2** – Title',
      match: `(?<=^[-*+][ \\t]|^  [-*+][ \\t]|^    [-*+][ \\t])(\\*\\*)?(${ID})(\\*\\*)?(?=[ \\t]*(?::|[ \\t][-–—][ \\t]))`,
      captures: {
        1: { name: 'punctuation.definition.bold.markdown' },
        2: { name: 'entity.name.type.id.stratdoc' },
        3: { name: 'punctuation.definition.bold.markdown' },
      },
    },
    'mode-field': {
      comment: 'Modus: Tipps, **Mode:** push',
      match: `(?i)(?<![\\w-])(modus|mode|kommunikationsart)(\\*\\*)?[ \\t]*(:)(\\*\\*)?[ \\t]*(?:(${alt(PUSH)})|(${alt(OTHER)}))(?=[ \\t]*(?:$|\\|))`,
      captures: {
        1: { name: 'support.type.property-name.stratdoc' },
        2: { name: 'punctuation.definition.bold.markdown' },
        3: { name: 'punctuation.separator.key-value.stratdoc' },
        4: { name: 'punctuation.definition.bold.markdown' },
        5: { name: 'keyword.other.mode.push.stratdoc' },
        6: { name: 'keyword.other.mode.stratdoc' },
      },
    },
    'reference-field': {
      comment: 'Ziele: G1, G2 / KPIs: K1 und K2',
      match: `(?i)(?<![\\w-])(${REF_KEYS_MD})(\\*\\*)?[ \\t]*(:)(\\*\\*)?[ \\t]*((?:${ID})(?:${SEP}(?:${ID}))*)(?=[ \\t]*$)`,
      captures: {
        1: { name: 'support.type.property-name.stratdoc' },
        2: { name: 'punctuation.definition.bold.markdown' },
        3: { name: 'punctuation.separator.key-value.stratdoc' },
        4: { name: 'punctuation.definition.bold.markdown' },
        5: { name: 'meta.reference-list.stratdoc', patterns: [{ include: '#id-reference' }] },
      },
    },
    'id-reference': {
      match: `(?<![\\w.-])${ID}(?![\\w-])`,
      name: 'variable.other.constant.reference.stratdoc',
    },
    'table-id': {
      comment: '| K1 | … : an ID in the first cell of a table row defines an item',
      match: `(?<=^\\||^\\|[ \\t])(${ID_UP})(?=[ \\t]*(?:\\||$))`,
      captures: { 1: { name: 'entity.name.type.id.stratdoc' } },
    },
    'table-reference': {
      comment: '… | G1 | … or … | G1, G2 | …: a cell of IDs only',
      match: `(?<=\\||\\|[ \\t])((?:${ID_UP})(?:[ \\t]*[,;][ \\t]*(?:${ID_UP}))*)(?=[ \\t]*(?:\\||$))`,
      captures: { 1: { name: 'meta.reference-list.stratdoc', patterns: [{ include: '#id-reference' }] } },
    },
    'table-mode': {
      comment: '… | Tipps | …: a mode alone in a cell',
      match: `(?i)(?<=\\||\\|[ \\t])(?:(${alt(PUSH_T)})|(${alt(OTHER_T)}))(?=[ \\t]*(?:\\||$))`,
      captures: modeScopes,
    },
  },
};

const PERSON_KEYS = ['owner', 'reviewer', 'author', 'approver', 'verantwortlich', 'freigabe', 'autor', 'autorin', 'prüfer', 'prüferin'];
const REF_KEYS = ['goal', 'goals', 'ziel', 'ziele', 'zielbezug', 'kpi', 'kpis', 'kennzahlen', 'audience', 'audiences', 'zielgruppe', 'zielgruppen'];
const after = (keys) => keys.flatMap((k) => [`${k}: `, `${k}:\\t`]).join('|');
const VALUE_END = '(?=[ \\t]*(?:$|#|,|\\}))';

const yaml = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'stratdoc (YAML injection)',
  scopeName: 'yaml.stratdoc.injection',
  comment:
    'Highlights stratdoc IDs, @handles and modes in YAML. Injected into every YAML file, so it matches only values after stratdoc keys (mode:, goal:, owner:, id:), "@handles" in quotes and IDs with a digit in flow lists. It claims values only, never keys, so that the YAML grammar keeps its structure.',
  injectionSelector: 'L:source.yaml -comment',
  patterns: [
    { include: '#mode' },
    { include: '#id-definition' },
    { include: '#reference' },
    { include: '#reference-list' },
    { include: '#person' },
    { include: '#handle' },
  ],
  repository: {
    handle: {
      comment: '"@anna" (an unquoted @ is a YAML error; the language server offers to quote it)',
      match: '(?<=["\'])(@)([A-Za-z][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*)(?=["\'])',
      name: 'variable.other.person.stratdoc',
      captures: { 1: { name: 'punctuation.definition.person.stratdoc' } },
    },
    person: {
      comment: 'owner: anna, freigabe: dirk',
      match: `(?i)(?<=${after(PERSON_KEYS)})([A-Za-z][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*)${VALUE_END}`,
      captures: { 1: { name: 'variable.other.person.stratdoc' } },
    },
    mode: {
      comment: 'mode: push, modus: Ratgeber',
      match: `(?i)(?<=${after(['mode', 'modus', 'kommunikationsart'])})(?:(${alt(PUSH)})|(${alt(OTHER)}))${VALUE_END}`,
      captures: modeScopes,
    },
    'id-definition': {
      comment: 'id: G1',
      match: `(?i)(?<=${after(['id', 'kennung'])})(${ID})${VALUE_END}`,
      captures: { 1: { name: 'entity.name.type.id.stratdoc' } },
    },
    reference: {
      comment: 'goal: G1',
      match: `(?i)(?<=${after(REF_KEYS)})(${ID})${VALUE_END}`,
      captures: { 1: { name: 'variable.other.constant.reference.stratdoc' } },
    },
    'reference-list': {
      comment: 'kpis: [K1, K2]',
      match: `(?<=\\[|\\[ |, |,)(${ID_UP})(?=[ \\t]*[,\\]])`,
      captures: { 1: { name: 'variable.other.constant.reference.stratdoc' } },
    },
  },
};

/** File name (under syntaxes/) → text. */
function grammars() {
  return {
    'stratdoc-markdown.tmLanguage.json': JSON.stringify(markdown, null, 2) + '\n',
    'stratdoc-yaml.tmLanguage.json': JSON.stringify(yaml, null, 2) + '\n',
  };
}

module.exports = { grammars };

if (require.main === module) {
  for (const [name, text] of Object.entries(grammars())) fs.writeFileSync(path.join(__dirname, '..', 'syntaxes', name), text);
}
