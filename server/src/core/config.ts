/**
 * Configuration (FORMAT.md "Configuration"): `.stratdoc.yaml` at the workspace root or
 * the nearest folder above a document. It is data only: no code ever runs from it.
 * Editor settings (`stratdoc.*`) take the same keys and win over the file.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'zod';
import type { Lang, Range, Text } from './text';
import { t } from './text';
import type { OptionValue, Severity } from './rules/api';
import { dirnameUri, parentFolder } from './uri';

export const CONFIG_FILE = '.stratdoc.yaml';
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

const severitySchema = z.enum(['error', 'warning', 'warn', 'information', 'info', 'hint', 'off']);
const ruleSettingSchema = z.union([
  severitySchema,
  z.boolean(),
  z.object({ severity: severitySchema.optional() }).catchall(z.union([z.number(), z.string(), z.boolean()])),
]);

export const configSchema = z
  .object({
    language: z.enum(['en', 'de']).optional(),
    include: z.array(z.string()).optional(),
    exclude: z.array(z.string()).optional(),
    maxFileSize: z.union([z.number().positive(), z.string().regex(/^\s*\d+(\.\d+)?\s*(k|kb|m|mb)?\s*$/i)]).optional(),
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
  exclude: string[];
  maxFileSize: number;
  rules: Map<string, RuleSetting>;
  problems: ConfigProblem[];
}

export function defaultConfig(root?: string): ResolvedConfig {
  return { root, include: [], exclude: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, rules: new Map(), problems: [] };
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
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|kb|m|mb)?\s*$/i.exec(v)!;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  return Math.round(unit.startsWith('k') ? n * 1024 : unit.startsWith('m') ? n * 1024 * 1024 : n);
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
    exclude: raw.exclude ?? base.exclude,
    maxFileSize: raw.maxFileSize !== undefined ? parseSize(raw.maxFileSize) : base.maxFileSize,
    rules,
  };
}

/**
 * Parses a configuration file. A broken file yields problems with their positions and
 * the defaults for everything it could not read: the rest keeps working.
 */
export function parseConfig(text: string, uri: string): ResolvedConfig {
  const root = dirnameUri(uri);
  const base: ResolvedConfig = { ...defaultConfig(root), uri };
  const lc = new LineCounter();
  const problems: ConfigProblem[] = [];
  const at = (offset: number, end = offset): Range => {
    const s = lc.linePos(offset);
    const e = lc.linePos(end);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    problems.push({ uri, range: at(0), message: t(`${CONFIG_FILE} could not be read: ${String(e)}`, `${CONFIG_FILE} konnte nicht gelesen werden: ${String(e)}`) });
    return { ...base, problems };
  }
  if (doc.errors.length) {
    for (const err of doc.errors) {
      problems.push({
        uri,
        range: at(err.pos[0], err.pos[1]),
        message: t(`${CONFIG_FILE} is not valid YAML: ${err.message.split('\n')[0]}. The defaults apply.`, `${CONFIG_FILE} ist kein gültiges YAML: ${err.message.split('\n')[0]}. Es gelten die Voreinstellungen.`),
      });
    }
    return { ...base, problems };
  }
  const value = doc.toJS() ?? {};
  const parsed = configSchema.safeParse(value);
  if (parsed.success) return { ...applyRaw(base, parsed.data), problems };
  // Keep what is valid: drop each offending top-level key and report it where it stands.
  const cleaned: Record<string, unknown> = typeof value === 'object' && value && !Array.isArray(value) ? { ...value } : {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    let node: unknown = path.length ? doc.getIn(path, true) : doc.contents;
    if (!isNode(node) && issue.code === 'unrecognized_keys') node = doc.contents;
    const r = isNode(node) && node.range ? at(node.range[0], node.range[1]) : at(0);
    const where = path.length ? path.join('.') : (issue as { keys?: string[] }).keys?.join(', ') ?? '';
    problems.push({
      uri,
      range: r,
      message: t(
        `${CONFIG_FILE}: ${where ? `'${where}': ` : ''}${issue.message}. This setting is ignored.`,
        `${CONFIG_FILE}: ${where ? `'${where}': ` : ''}${issue.message}. Diese Einstellung wird ignoriert.`,
      ),
    });
    if (issue.code === 'unrecognized_keys') for (const k of (issue as { keys?: string[] }).keys ?? []) delete cleaned[k];
    else if (path.length) {
      if (path[0] === 'rules' && path.length >= 2 && cleaned.rules && typeof cleaned.rules === 'object') {
        const rules = { ...(cleaned.rules as Record<string, unknown>) };
        delete rules[String(path[1])];
        cleaned.rules = rules;
      } else delete cleaned[String(path[0])];
    }
  }
  const second = configSchema.safeParse(cleaned);
  return { ...(second.success ? applyRaw(base, second.data) : base), problems };
}

/** Reads files for the resolver; returns undefined when a file does not exist. */
export interface ConfigHost {
  readFile(uri: string): string | undefined;
}

/**
 * Finds the configuration of a document: the nearest `.stratdoc.yaml` in its folder or
 * above (not above `stopAt`, when given), with editor settings on top. Caches per folder.
 */
export class ConfigResolver {
  private readonly byFolder = new Map<string, ResolvedConfig>();
  private readonly files = new Map<string, ResolvedConfig | null>();

  constructor(
    private readonly host: ConfigHost,
    private readonly options: { overrides?: RawConfig; explicitFile?: string; roots?: string[] } = {},
  ) {}

  /** Forget cached files (after a config file changed on disk). */
  invalidate(): void {
    this.byFolder.clear();
    this.files.clear();
  }

  private fileAt(uri: string): ResolvedConfig | null {
    let c = this.files.get(uri);
    if (c === undefined) {
      const text = this.host.readFile(uri);
      c = text === undefined ? null : parseConfig(text, uri);
      this.files.set(uri, c);
    }
    return c;
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
        found = this.fileAt(f + CONFIG_FILE);
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

  /** Every configuration problem seen so far, once per file. */
  problems(): ConfigProblem[] {
    const out: ConfigProblem[] = [];
    for (const c of this.files.values()) if (c) out.push(...c.problems);
    return out;
  }
}
