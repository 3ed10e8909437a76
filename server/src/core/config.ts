/**
 * Configuration (docs/format.md "Configuration"): `.stratdoc.yaml` at the workspace root or
 * the nearest folder above a document. It is data only: no code ever runs from it.
 * Editor settings (`stratdoc.*`) take the same keys and win over the file.
 */
import { LineCounter, parseDocument, isNode, isMap, isScalar, isSeq } from 'yaml';
import { z } from 'zod';
import type { Lang, Range, Text } from './text';
import { t } from './text';
import type { OptionValue, RuleMeta, Severity } from './rules/api';
import { ALL_RULES } from './rules';
import { basenameUri, dirnameUri, parentFolder } from './uri';
import { closest } from './vocab';
import { compileGlob, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH } from './files/glob';
import { CONFIG_FILE, CONFIG_FILES } from '../../../shared/protocol';

export { CONFIG_FILE, CONFIG_FILES };
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
/** Bounds of `maxFileSize` (docs/format.md "Configuration"): 1 byte to 100 MB. */
export const MAX_FILE_SIZE_LIMIT = 100 * 1024 * 1024;
/** A configuration file larger than this is not read (it is data for a few settings). */
export const MAX_CONFIG_BYTES = 256 * 1024;
/** YAML aliases a configuration file may use, and the nesting it may have. */
export const MAX_CONFIG_ALIASES = 100;
export const MAX_CONFIG_DEPTH = 64;
/** Globs per list. */
export const MAX_GLOBS = 1000;

const severitySchema = z.enum(['error', 'warning', 'warn', 'information', 'info', 'hint', 'off']);
const ruleSettingSchema = z.union([
  severitySchema,
  z.boolean(),
  // Any number here (also .nan, .inf): checkRuleSettings judges it against the option's range in words.
  z.object({ severity: severitySchema.optional() }).catchall(z.union([z.custom<number>((v) => typeof v === 'number'), z.string().max(1000), z.boolean()])),
]);

/**
 * A size: bytes, or a number with KB or MB (`512KB`, `2 KB`, `1.5MB`). Read without a
 * regular expression that could backtrack (a value of 200,000 spaces took 55 s).
 */
export function parseSizeText(v: string): number | undefined {
  if (v.length > 40) return undefined;
  const s = v.trim().toLowerCase();
  let i = 0;
  while (i < s.length && ((s[i] >= '0' && s[i] <= '9') || s[i] === '.')) i++;
  const num = s.slice(0, i);
  if (!/^\d+(\.\d+)?$/.test(num)) return undefined;
  const unit = s.slice(i).trim();
  const factor = unit === '' || unit === 'b' ? 1 : unit === 'k' || unit === 'kb' ? 1024 : unit === 'm' || unit === 'mb' ? 1024 * 1024 : undefined;
  if (factor === undefined) return undefined;
  return Math.round(Number(num) * factor);
}

const sizeInRange = (n: number | undefined) => n !== undefined && Number.isFinite(n) && n >= 1 && n <= MAX_FILE_SIZE_LIMIT;

export const configSchema = z
  .object({
    language: z.enum(['en', 'de']).optional(),
    include: z.array(z.string().max(MAX_GLOB_LENGTH)).max(MAX_GLOBS).optional(),
    plans: z.array(z.string().max(MAX_GLOB_LENGTH)).max(MAX_GLOBS).optional().meta({
      description: 'Files read as editorial plans, whatever their name: CSV exports, Markdown or YAML (globs relative to this file, e.g. "redaktion/*.csv").',
    }),
    exclude: z.array(z.string().max(MAX_GLOB_LENGTH)).max(MAX_GLOBS).optional(),
    maxFileSize: z
      .union([
        z.number().int().min(1).max(MAX_FILE_SIZE_LIMIT),
        z
          .string()
          .max(40)
          .refine((v) => sizeInRange(parseSizeText(v))),
      ])
      .optional()
      .meta({ description: 'Files larger than this are skipped: bytes (1 to 104857600), or 512KB, 5MB (up to 100MB).' }),
    rules: z.record(z.string(), ruleSettingSchema).optional(),
  })
  .strict();

export type RawConfig = z.infer<typeof configSchema>;

export interface RuleSetting {
  severity?: Severity | 'off';
  options: Record<string, OptionValue>;
}

export interface ConfigProblem {
  uri: string;
  range: Range;
  message: Text;
}

export interface ResolvedConfig {
  /** The config file this came from, if any. */
  uri?: string;
  /** The folder globs are relative to (the config file's folder, else the workspace root). */
  root?: string;
  language?: Lang;
  include: string[];
  /** Globs of files read as plans whatever their name or content (docs/format.md "Configuration"). */
  plans: string[];
  exclude: string[];
  maxFileSize: number;
  rules: Map<string, RuleSetting>;
  problems: ConfigProblem[];
}

export function defaultConfig(root?: string): ResolvedConfig {
  return { root, include: [], plans: [], exclude: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, rules: new Map(), problems: [] };
}

function normSeverity(s: string | boolean | undefined): Severity | 'off' | undefined {
  if (s === undefined) return undefined;
  if (s === false) return 'off';
  if (s === true) return undefined;
  if (s === 'warn') return 'warning';
  if (s === 'info') return 'information';
  return s as Severity | 'off';
}

function parseSize(v: number | string | undefined): number {
  if (v === undefined) return DEFAULT_MAX_FILE_SIZE;
  if (typeof v === 'number') return v;
  return parseSizeText(v) ?? DEFAULT_MAX_FILE_SIZE;
}

/** Applies validated raw settings on top of a resolved configuration. */
export function applyRaw(base: ResolvedConfig, raw: RawConfig): ResolvedConfig {
  const rules = new Map(base.rules);
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    const prev = rules.get(id) ?? { options: {} };
    if (typeof setting === 'string' || typeof setting === 'boolean') {
      rules.set(id, { severity: normSeverity(setting) ?? prev.severity, options: prev.options });
    } else {
      const { severity, ...options } = setting;
      rules.set(id, { severity: normSeverity(severity) ?? prev.severity, options: { ...prev.options, ...options } });
    }
  }
  return {
    ...base,
    language: raw.language ?? base.language,
    include: raw.include ?? base.include,
    plans: raw.plans ?? base.plans,
    exclude: raw.exclude ?? base.exclude,
    maxFileSize: raw.maxFileSize !== undefined ? parseSize(raw.maxFileSize) : base.maxFileSize,
    rules,
  };
}

const TOP_KEYS = ['language', 'include', 'plans', 'exclude', 'maxFileSize', 'rules'];
const SEVERITY_WORDS = t(
  'error, warning (warn), information (info), hint, off, true or false',
  'error, warning (warn), information (info), hint, off, true oder false',
);

function fmtNum(n: number): string {
  return String(n);
}

/** What a setting must be, in words (never zod's own text: docs/decisions.md "Configuration"). */
function expectation(path: (string | number)[]): Text {
  const [top, id, opt] = path;
  if (top === 'language') return t("must be 'de' or 'en'", "muss 'de' oder 'en' sein");
  if (top === 'include' || top === 'plans' || top === 'exclude')
    return t(
      `must be a list of at most ${MAX_GLOBS} glob patterns (text, at most ${MAX_GLOB_LENGTH} characters each)`,
      `muss eine Liste von höchstens ${MAX_GLOBS} Glob-Mustern sein (Text, je höchstens ${MAX_GLOB_LENGTH} Zeichen)`,
    );
  if (top === 'maxFileSize')
    return t(
      'must be a size from 1 byte to 100 MB: a number of bytes, or like 512KB, 5MB',
      'muss eine Größe von 1 Byte bis 100 MB sein: eine Zahl von Bytes, oder wie 512KB, 5MB',
    );
  if (top === 'rules' && id !== undefined && opt !== undefined && opt !== 'severity')
    return t('must be a number, a text or true/false', 'muss eine Zahl, ein Text oder true/false sein');
  if (top === 'rules' && id !== undefined)
    return t(
      `must be a severity (${SEVERITY_WORDS.en}) or an object with severity and options`,
      `muss ein Schweregrad (${SEVERITY_WORDS.de}) oder ein Objekt mit severity und Optionen sein`,
    );
  if (top === 'rules') return t('must be a map from rule IDs to their settings', 'muss eine Zuordnung von Regel-IDs zu ihren Einstellungen sein');
  return t(
    'must be a map of settings (language, include, plans, exclude, maxFileSize, rules)',
    'muss eine Zuordnung von Einstellungen sein (language, include, plans, exclude, maxFileSize, rules)',
  );
}

function didYouMean(key: string, candidates: Iterable<string>): Text {
  const c = key.length <= 100 ? closest(key, candidates) : undefined;
  return c ? t(` Did you mean '${c}'?`, ` Meinten Sie '${c}'?`) : t('', '');
}

function quoteKey(k: string): string {
  return k.length > 60 ? `${k.slice(0, 57)}…` : k;
}

/**
 * Checks rule IDs and options against the rule catalog: an unknown rule or option, an
 * option of the wrong type or outside its range is a problem, and is dropped so that
 * the default applies. Returns the rules that remain.
 */
export function checkRuleSettings(
  rules: Record<string, unknown>,
  report: (path: (string | number)[], message: Text, atKey?: boolean) => void,
  catalog: RuleMeta[] = ALL_RULES.map((r) => r.meta),
): Record<string, unknown> {
  const byId = new Map(catalog.map((m) => [m.id, m]));
  const out: Record<string, unknown> = {};
  for (const [id, setting] of Object.entries(rules)) {
    const meta = byId.get(id);
    if (!meta) {
      const dym = didYouMean(id, byId.keys());
      report(
        ['rules', id],
        t(
          `there is no rule '${quoteKey(id)}'; this setting is ignored.${dym.en}`,
          `es gibt keine Regel '${quoteKey(id)}'; diese Einstellung wird ignoriert.${dym.de}`,
        ),
        true,
      );
      continue;
    }
    if (!setting || typeof setting !== 'object' || Array.isArray(setting)) {
      out[id] = setting;
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(setting as Record<string, unknown>)) {
      if (k === 'severity') {
        kept[k] = v;
        continue;
      }
      const def = meta.options?.[k];
      if (def === undefined) {
        const names = Object.keys(meta.options ?? {});
        const dym = didYouMean(k, names);
        const has = names.length
          ? t(` Its options: ${names.join(', ')}.`, ` Ihre Optionen: ${names.join(', ')}.`)
          : t(' It has no options.', ' Sie hat keine Optionen.');
        report(
          ['rules', id, k],
          t(
            `the rule '${id}' has no option '${quoteKey(k)}'; it is ignored.${dym.en || has.en}`,
            `die Regel '${id}' hat keine Option '${quoteKey(k)}'; sie wird ignoriert.${dym.de || has.de}`,
          ),
          true,
        );
        continue;
      }
      if (typeof v !== typeof def) {
        const what =
          typeof def === 'number' ? t('a number', 'eine Zahl') : typeof def === 'boolean' ? t('true or false', 'true oder false') : t('a text', 'ein Text');
        report(
          ['rules', id, k],
          t(
            `'${id}.${k}' must be ${what.en}; the default ${String(def)} applies.`,
            `'${id}.${k}' muss ${what.de} sein; es gilt die Voreinstellung ${String(def)}.`,
          ),
        );
        continue;
      }
      const range = meta.optionRanges?.[k];
      if (typeof v === 'number' && range && (!Number.isFinite(v) || v < range.min || v > range.max || (range.integer && !Number.isInteger(v)))) {
        const whole = range.integer ? t('a whole number ', 'eine ganze Zahl ') : t('', '');
        report(
          ['rules', id, k],
          t(
            `'${id}.${k}' must be ${whole.en}from ${fmtNum(range.min)} to ${fmtNum(range.max)}; the default ${String(def)} applies.`,
            `'${id}.${k}' muss ${whole.de}von ${fmtNum(range.min)} bis ${fmtNum(range.max)} sein; es gilt die Voreinstellung ${String(def)}.`,
          ),
        );
        continue;
      }
      kept[k] = v;
    }
    out[id] = kept;
  }
  return out;
}

/** Checks globs against the matcher's bounds (core/files/glob.ts); returns those that remain. */
function checkGlobs(key: 'include' | 'plans' | 'exclude', list: unknown, report: (path: (string | number)[], message: Text) => void): unknown {
  if (!Array.isArray(list)) return list;
  return list.filter((g, i) => {
    if (typeof g !== 'string' || g.length > MAX_GLOB_LENGTH) return true; // the schema reports it
    const c = compileGlob(g);
    if (!('error' in c)) return true;
    report(
      [key, i],
      t(
        `this glob has more than ${MAX_GLOB_ALTERNATIVES} alternatives in {…}; it is ignored.`,
        `dieses Glob-Muster hat mehr als ${MAX_GLOB_ALTERNATIVES} Alternativen in {…}; es wird ignoriert.`,
      ),
    );
    return false;
  });
}

/**
 * Parses a configuration file. A broken file yields problems with their positions and
 * the defaults for everything it could not read: the rest keeps working. Never throws,
 * and no message carries a JavaScript error text.
 */
export function parseConfig(text: string, uri: string): ResolvedConfig {
  const root = dirnameUri(uri);
  const base: ResolvedConfig = { ...defaultConfig(root), uri };
  const name = basenameUri(uri) || CONFIG_FILE;
  const lc = new LineCounter();
  const problems: ConfigProblem[] = [];
  const at = (offset: number, end = offset): Range => {
    const s = lc.linePos(offset);
    const e = lc.linePos(end);
    const p = (x: { line: number; col: number }) => ({ line: Math.max(0, x.line - 1), character: Math.max(0, x.col - 1) });
    return { start: p(s), end: p(e) };
  };
  const whole = (message: Text): ResolvedConfig => ({ ...base, problems: [...problems, { uri, range: at(0), message }] });
  const tooDeep = t(
    `${name} is nested more than ${MAX_CONFIG_DEPTH} levels deep; it is not read and the defaults apply.`,
    `${name} ist mehr als ${MAX_CONFIG_DEPTH} Ebenen tief verschachtelt; sie wird nicht gelesen, es gelten die Voreinstellungen.`,
  );
  if (nestingDepth(text) > MAX_CONFIG_DEPTH) return whole(tooDeep);
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  } catch {
    return whole(t(`${name} could not be read as YAML; the defaults apply.`, `${name} ließ sich nicht als YAML lesen; es gelten die Voreinstellungen.`));
  }
  if (doc.errors.length) {
    for (const err of doc.errors) {
      problems.push({
        uri,
        range: at(err.pos[0], err.pos[1]),
        message: t(
          `${name} is not valid YAML: ${yamlErrorText(err.code).en}. The defaults apply.`,
          `${name} ist kein gültiges YAML: ${yamlErrorText(err.code).de}. Es gelten die Voreinstellungen.`,
        ),
      });
    }
    return { ...base, problems };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES }) ?? {};
  } catch (e) {
    if (e instanceof RangeError) return whole(tooDeep);
    return whole(
      t(
        `${name} uses YAML aliases (*name) more than ${MAX_CONFIG_ALIASES} times over; it is not read and the defaults apply. Write the settings out.`,
        `${name} verwendet YAML-Aliase (*name) mehr als ${MAX_CONFIG_ALIASES}-fach; sie wird nicht gelesen, es gelten die Voreinstellungen. Schreiben Sie die Einstellungen aus.`,
      ),
    );
  }
  const rangeOf = (path: (string | number)[], key = false): Range => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const p of path) {
      if (!isMap(node) && !isSeq(node)) break;
      const items = (node as { items: unknown[] }).items;
      if (isSeq(node)) {
        if (typeof p !== 'number' || !items[p]) break;
        node = items[p];
        keyNode = undefined;
        continue;
      }
      const pair = (items as { key: unknown; value: unknown }[]).find((it) => isScalar(it.key) && String(it.key.value) === String(p));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    }
    const n = key && keyNode ? keyNode : node;
    return isNode(n) && n.range ? at(n.range[0], n.range[1]) : at(0);
  };
  const report = (path: (string | number)[], message: Text, key = false) =>
    problems.push({ uri, range: rangeOf(path, key), message: t(`${name}: ${message.en}`, `${name}: ${message.de}`) });

  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    report([], t(`${expectation([]).en}; the defaults apply.`, `${expectation([]).de}; es gelten die Voreinstellungen.`));
    return { ...base, problems };
  }
  const cleaned: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const k of Object.keys(cleaned)) {
    if (TOP_KEYS.includes(k)) continue;
    const dym = didYouMean(k, TOP_KEYS);
    report(
      [k],
      t(`there is no setting '${quoteKey(k)}'; it is ignored.${dym.en}`, `es gibt keine Einstellung '${quoteKey(k)}'; sie wird ignoriert.${dym.de}`),
      true,
    );
    delete cleaned[k];
  }
  // Keep what is valid: drop each offending setting and report it where it stands.
  const first = configSchema.safeParse(cleaned);
  if (!first.success) {
    const reported = new Set<string>();
    for (const issue of first.error.issues) {
      const path = issue.path.map<string | number>((p) => (typeof p === 'symbol' ? String(p) : p));
      // One problem per setting (a rule's setting, or a top-level one).
      const cut = path[0] === 'rules' && path.length >= 2 ? path.slice(0, 2) : path.slice(0, 1);
      const k = JSON.stringify(cut);
      if (reported.has(k)) continue;
      reported.add(k);
      const where = cut.join('.');
      const exp = expectation(path);
      report(cut, t(`'${quoteKey(where)}' ${exp.en}; this setting is ignored.`, `'${quoteKey(where)}' ${exp.de}; diese Einstellung wird ignoriert.`));
      if (cut[0] === 'rules' && cut.length === 2 && cleaned.rules && typeof cleaned.rules === 'object' && !Array.isArray(cleaned.rules)) {
        const rules = { ...(cleaned.rules as Record<string, unknown>) };
        delete rules[String(cut[1])];
        cleaned.rules = rules;
      } else delete cleaned[String(cut[0])];
    }
  }
  if (cleaned.rules && typeof cleaned.rules === 'object' && !Array.isArray(cleaned.rules))
    cleaned.rules = checkRuleSettings(cleaned.rules as Record<string, unknown>, report);
  cleaned.include = checkGlobs('include', cleaned.include, report);
  cleaned.plans = checkGlobs('plans', cleaned.plans, report);
  cleaned.exclude = checkGlobs('exclude', cleaned.exclude, report);
  if (cleaned.include === undefined) delete cleaned.include;
  if (cleaned.plans === undefined) delete cleaned.plans;
  if (cleaned.exclude === undefined) delete cleaned.exclude;
  const second = configSchema.safeParse(cleaned);
  return { ...(second.success ? applyRaw(base, second.data) : base), problems };
}

/**
 * The deepest nesting of a YAML text, counted cheaply before parsing (flow brackets and
 * indentation steps), so a 10,000-level file is refused instead of overflowing the stack.
 */
export function nestingDepth(text: string): number {
  let flow = 0;
  let maxFlow = 0;
  const indents: number[] = [];
  let maxBlock = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 45 /* - */) {
        indent++;
        continue;
      }
      lineStart = false;
      if (c !== 35 /* # */) {
        while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > maxBlock) maxBlock = indents.length;
      }
    }
    if (c === 91 || c === 123) {
      flow++;
      if (flow > maxFlow) maxFlow = flow;
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  return maxFlow + maxBlock;
}

/** A YAML error in words (by its code; the library's own text is English only). */
function yamlErrorText(code: string): Text {
  switch (code) {
    case 'DUPLICATE_KEY':
      return t('a key appears twice', 'ein Schlüssel kommt doppelt vor');
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return t('the indentation or a colon is wrong', 'die Einrückung oder ein Doppelpunkt stimmt nicht');
    case 'BAD_ALIAS':
    case 'UNRESOLVED_ALIAS':
      return t('an alias (*name) names no anchor (&name)', 'ein Alias (*name) nennt keinen Anker (&name)');
    case 'MULTIPLE_DOCS':
      return t('it holds more than one YAML document', 'sie enthält mehr als ein YAML-Dokument');
    case 'TAB_AS_INDENT':
      return t('a tab is used for indentation', 'ein Tabulator wird zum Einrücken verwendet');
    default:
      return t(`syntax error (${code})`, `Syntaxfehler (${code})`);
  }
}

/**
 * Reads files for the resolver: the text, undefined when the file does not exist, or why
 * it cannot be read (a FIFO, too large, not UTF-8…; shown on the file).
 */
export interface ConfigHost {
  readFile(uri: string): string | undefined | { error: Text };
}

/**
 * Finds the configuration of a document: the nearest `.stratdoc.yaml` (or
 * `.stratdoc.yml`) in its folder or above (not above the workspace roots, when given),
 * with editor settings on top. Caches per folder.
 */
export class ConfigResolver {
  private readonly byFolder = new Map<string, ResolvedConfig>();
  private readonly cache = new Map<string, ResolvedConfig | null>();

  constructor(
    private readonly host: ConfigHost,
    private readonly options: { overrides?: RawConfig; explicitFile?: string; roots?: string[] } = {},
  ) {}

  /** Forget cached files (after a config file changed on disk). */
  invalidate(): void {
    this.byFolder.clear();
    this.cache.clear();
  }

  private fileAt(uri: string): ResolvedConfig | null {
    let c = this.cache.get(uri);
    if (c === undefined) {
      const text = this.host.readFile(uri);
      if (text === undefined) c = null;
      else if (typeof text === 'string') c = parseConfig(text, uri);
      else
        c = {
          ...defaultConfig(dirnameUri(uri)),
          uri,
          problems: [
            {
              uri,
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              message: t(
                `${basenameUri(uri)} is not read: ${text.error.en}. The defaults apply.`,
                `${basenameUri(uri)} wird nicht gelesen: ${text.error.de}. Es gelten die Voreinstellungen.`,
              ),
            },
          ],
        };
      this.cache.set(uri, c);
    }
    return c;
  }

  /** The configuration file of a folder: `.stratdoc.yaml`, else `.stratdoc.yml`; both there is a problem on the one read. */
  private fileIn(folder: string): ResolvedConfig | null {
    const [preferred, other] = CONFIG_FILES;
    const a = this.fileAt(folder + preferred);
    const b = this.fileAt(folder + other);
    if (a && b) {
      const note = 'both:' + folder;
      if (!this.cache.has(note)) {
        this.cache.set(note, null);
        a.problems.push({
          uri: a.uri!,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: t(
            `There is also a ${other} in this folder; only ${preferred} is read. Merge the two and delete ${other}.`,
            `In diesem Ordner liegt auch eine ${other}; gelesen wird nur ${preferred}. Führen Sie beide zusammen und löschen Sie ${other}.`,
          ),
        });
      }
    }
    return a ?? b;
  }

  forDocument(uri: string): ResolvedConfig {
    return this.forFolder(dirnameUri(uri));
  }

  forFolder(folder: string): ResolvedConfig {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    let found: ResolvedConfig | null = null;
    if (this.options.explicitFile) found = this.fileAt(this.options.explicitFile);
    else {
      for (let f: string | undefined = folder; f; f = parentFolder(f)) {
        found = this.fileIn(f);
        if (found) break;
        if (this.options.roots?.includes(f)) break;
      }
    }
    const root = this.options.roots?.find((r) => folder.startsWith(r));
    let cfg = found ?? defaultConfig(root ?? folder);
    if (this.options.overrides) cfg = applyRaw(cfg, this.options.overrides);
    this.byFolder.set(folder, cfg);
    return cfg;
  }

  /** The URIs of the configuration files read so far. */
  files(): string[] {
    const out: string[] = [];
    for (const c of this.cache.values()) if (c?.uri) out.push(c.uri);
    return out;
  }

  /** Every configuration problem seen so far, once per file. */
  problems(): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const c of this.cache.values()) if (c) out.push(...c.problems);
    return out;
  }
}
