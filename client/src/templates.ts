/**
 * The templates of "stratdoc: New Strategy" and "stratdoc: New Editorial Plan": the
 * strategy and plan skeletons of snippets/*.json (the very snippets `stratdoc-strategie`,
 * `stratdoc-strategy`, `stratdoc-redaktionsplan`, `stratdoc-plan`), a plan's adapted to the
 * strategy it belongs to and to the current quarter; default file names; the cheap check
 * that finds the strategies of a workspace. Pure: no `vscode` here, so that it can be
 * tested with plain mocha (test/newfiles.test.ts).
 */
import { kindOfFileName, kindOfMarker, readMarker } from '../../shared/documents';

export type TemplateLang = 'de' | 'en';
export type TemplateFormat = 'markdown' | 'yaml';
export type TemplateKind = 'strategy' | 'plan';

export interface SnippetDefinition {
  prefix: string | string[];
  description?: string;
  body: string | string[];
}

/** The snippet prefix of each skeleton; the same prefix in snippets/markdown.json and snippets/yaml.json. */
export const TEMPLATE_PREFIXES: Record<TemplateKind, Record<TemplateLang, string>> = {
  strategy: { de: 'stratdoc-strategie', en: 'stratdoc-strategy' },
  plan: { de: 'stratdoc-redaktionsplan', en: 'stratdoc-plan' },
};

/** The snippet file of a format, relative to the extension's folder. */
export function snippetFile(format: TemplateFormat): string {
  return format === 'markdown' ? 'snippets/markdown.json' : 'snippets/yaml.json';
}

/** The body of the skeleton (snippet syntax, lines joined with \n). */
export function templateBody(snippets: Record<string, SnippetDefinition>, kind: TemplateKind, lang: TemplateLang): string {
  const prefix = TEMPLATE_PREFIXES[kind][lang];
  const found = Object.values(snippets).find((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(prefix));
  if (!found) throw new Error(`no snippet ${prefix}`);
  return Array.isArray(found.body) ? found.body.join('\n') : found.body;
}

/** The quarter a day falls in, with its first and last day (ISO dates). */
export function quarterOf(date: Date): { year: number; quarter: number; start: string; end: string } {
  const year = date.getFullYear();
  const quarter = Math.floor(date.getMonth() / 3) + 1;
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(year, last, 0).getDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { year, quarter, start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/** Text as a snippet's literal (placeholder default): `$`, `}` and `\` escaped. */
export function snippetLiteral(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * A plan skeleton made for its place: `strategy:` (or `strategie:`) names the strategy by
 * its path relative to the plan, or goes away when there is none (the plan then looks in
 * its folder and above); the period and the title's "Q1 <year>" are the quarter of `date`,
 * so that the first entry (dated today) lies inside it.
 */
export function adaptPlanTemplate(body: string, opts: { strategyPath?: string; date: Date }): string {
  const q = quarterOf(opts.date);
  const lines = body.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const strategy = /^(strategy|strategie)([ \t]*:[ \t]*)\$\{(\d+):[^}]*\}[ \t]*$/.exec(line);
    if (strategy) {
      if (opts.strategyPath !== undefined) out.push(`${strategy[1]}${strategy[2]}\${${strategy[3]}:${snippetLiteral(opts.strategyPath)}}`);
      continue;
    }
    const period = /^(period|zeitraum)([ \t]*:[ \t]*)\$\{(\d+):\$\{CURRENT_YEAR\}-01-01\.\.\$\{CURRENT_YEAR\}-03-31\}[ \t]*$/.exec(line);
    if (period) {
      out.push(`${period[1]}${period[2]}\${${period[3]}:${q.start}..${q.end}}`);
      continue;
    }
    out.push(line.replace(/\bQ1 \$\{CURRENT_YEAR\}/, `Q${q.quarter} ${q.year}`));
  }
  return out.join('\n');
}

/** The file extension of a format. */
export function extensionOf(format: TemplateFormat): string {
  return format === 'markdown' ? 'md' : 'yaml';
}

/** Whether a file name has an extension of the format (.md/.markdown, .yaml/.yml). */
export function nameFitsFormat(name: string, format: TemplateFormat): boolean {
  return format === 'markdown' ? /\.(md|markdown)$/i.test(name) : /\.ya?ml$/i.test(name);
}

/**
 * The default name of a new document, relative to the workspace folder (`/` separated):
 * `strategie.md`, `strategy.md`, `strategie.yaml`, `strategy.yaml`; a plan in `plaene/` or
 * `plans/` (below `dir`, the strategy's folder) named after the quarter:
 * `plaene/2027-q1.plan.yaml`.
 */
export function defaultName(kind: TemplateKind, lang: TemplateLang, format: TemplateFormat, date: Date, dir = ''): string {
  const ext = extensionOf(format);
  if (kind === 'strategy') return joinPath(dir, `${lang === 'de' ? 'strategie' : 'strategy'}.${ext}`);
  const q = quarterOf(date);
  return joinPath(dir, `${lang === 'de' ? 'plaene' : 'plans'}/${q.year}-q${q.quarter}.plan.${ext}`);
}

function joinPath(dir: string, name: string): string {
  const d = dir
    .replace(/\\/g, '/')
    .replace(/^\.?\/+|\/+$/g, '')
    .replace(/^\.$/, '');
  return d ? `${d}/${name}` : name;
}

/** `name` with a number before its extension (and before `.plan`/`.strategy`): `strategie-2.md`, `plaene/2027-q1-2.plan.yaml`. */
export function numberedName(name: string, n: number): string {
  const slash = name.lastIndexOf('/');
  const dir = name.slice(0, slash + 1);
  const base = name.slice(slash + 1);
  const m = /^(.+?)((?:\.(?:plan|strategy))?\.[^.]+)$/i.exec(base);
  return m ? `${dir}${m[1]}-${n}${m[2]}` : `${dir}${base}-${n}`;
}

/** The first of `name`, `name-2`, `name-3`, … that does not exist. */
export async function freeName(name: string, exists: (name: string) => PromiseLike<boolean> | boolean): Promise<string> {
  if (!(await exists(name))) return name;
  for (let n = 2; n < 1000; n++) {
    const candidate = numberedName(name, n);
    if (!(await exists(candidate))) return candidate;
  }
  return numberedName(name, Date.now());
}

/**
 * Why a name typed for a new document cannot be used, as a key of the messages the
 * command shows (undefined: it can): empty, absolute or leading out of the folder, of the
 * other format.
 */
export function nameProblem(name: string, format: TemplateFormat): 'empty' | 'outside' | 'format' | undefined {
  const n = name.trim().replace(/\\/g, '/');
  if (!n || n.endsWith('/')) return 'empty';
  if (n.startsWith('/') || /^[a-z]:/i.test(n) || n.split('/').includes('..')) return 'outside';
  if (!nameFitsFormat(n, format)) return 'format';
  return undefined;
}

/** How much of a file the strategy check reads: the marker and `language:` come first. */
export const STRATEGY_PROBE_CHARS = 16 * 1024;

/**
 * Whether a file is a strategy (by its name `*.strategy.*` or its `stratdoc:` marker) and
 * the language it declares (`language:`/`sprache:` in the front matter or at the top level).
 * Undefined: not a strategy.
 */
export function strategyInfo(fileName: string, text: string): { lang?: TemplateLang } | undefined {
  const lower = fileName.toLowerCase();
  const format: TemplateFormat | undefined = /\.(md|markdown)$/.test(lower) ? 'markdown' : /\.ya?ml$/.test(lower) ? 'yaml' : undefined;
  if (!format) return undefined;
  const head = text.length > STRATEGY_PROBE_CHARS ? text.slice(0, STRATEGY_PROBE_CHARS) : text;
  const byName = kindOfFileName(fileName);
  const marker = readMarker(head, format);
  const kind = marker ? (kindOfMarker(marker.value) ?? byName) : byName;
  if (kind !== 'strategy') return undefined;
  const lang = /^(?:language|sprache)[ \t]*:[ \t]*["']?(de|en|deutsch|english|german|englisch)\b/im.exec(head)?.[1].toLowerCase();
  return { lang: lang === undefined ? undefined : lang === 'de' || lang === 'deutsch' || lang === 'german' ? 'de' : 'en' };
}

/** The default language of a new document: `stratdoc.language` if set, else VS Code's display language. */
export function defaultLang(setting: unknown, displayLanguage: string): TemplateLang {
  if (setting === 'de' || setting === 'en') return setting;
  return /^de\b/i.test(displayLanguage) ? 'de' : 'en';
}
