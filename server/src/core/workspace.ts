/**
 * The workspace index: every stratdoc document by URI, plans linked to their strategies,
 * and the findings per project. Taking one changed document re-reads only that one and
 * re-checks only the projects it belongs to (before and after the change).
 */
import type { DocKind, EditSpan, ParsedDocument } from './model';
import { detachString, flat, type DocText, type Text } from './text';
import { linkProjects, Project } from './project';
import { ConfigResolver, type ResolvedConfig } from './config';
import { checkProjectSteps, compareFindings, EntryMemo, sortAgainst, type Finding } from './engine';
import { parseDocument, detect, ChunkCache } from './parse';
import { readingOnce } from './parse/cache';
import { relativeUri } from './uri';
import type { Rule } from './rules/api';
import { compileGlob, matchAny, FILE_MESSAGES, type CompiledGlob } from './files';
import { recognize } from './recognize';
import { rule as unmarkedRule, unmarkedFinding } from './rules/unmarked-document';
import { emptySuppressions, isSuppressed, scanSuppressions } from './parse/common';
import { LineIndex } from './text';
import { Derived } from './derived';

export interface Skipped {
  uri: string;
  message: Text;
}

export class Workspace {
  private readonly docs = new Map<string, ParsedDocument>();
  private readonly skipped = new Map<string, Skipped>();
  /** Files that are no document but look like one (rule unmarked-document), with their finding. */
  private readonly unmarked = new Map<string, Finding>();
  private projectList: Project[] | undefined;
  private projectByUri = new Map<string, Project>();
  private resultKeys = new Map<string, { key: ParsedDocument[]; today: string; findings: Finding[]; token: object | undefined }>();
  readonly cache: ChunkCache | undefined;
  /** With the cache: findings of entry-scoped rules per unchanged entry. */
  readonly memo: EntryMemo | undefined;
  /** What rules derive from readings (per entry, per document), kept under the reading (core/derived.ts). */
  readonly derived = new Derived();

  constructor(
    readonly configs: ConfigResolver,
    opts: { cache?: boolean; rules?: Rule[] } = {},
  ) {
    this.cache = opts.cache ? new ChunkCache() : undefined;
    const cache = this.cache;
    this.memo = cache ? new EntryMemo((uri) => cache.holds(uri)) : undefined;
    this.rules = opts.rules;
  }
  private rules?: Rule[];

  /** Whether the configuration's include globs match a file (and its exclude globs don't). */
  included(uri: string, cfg: ResolvedConfig = this.configs.forDocument(uri)): boolean {
    if (!cfg.include.length || !cfg.root || !uri.startsWith(cfg.root)) return false;
    const rel = relativeUri(uri, cfg.root);
    return matchAny(this.globs(cfg.include), rel) && !(cfg.exclude.length && matchAny(this.globs(cfg.exclude), rel));
  }

  /** Whether the configuration's `plans` globs name a file (read as a plan; docs/format.md "Configuration"). */
  planned(uri: string, cfg: ResolvedConfig = this.configs.forDocument(uri)): boolean {
    if (!cfg.plans.length || !cfg.root || !uri.startsWith(cfg.root)) return false;
    const rel = relativeUri(uri, cfg.root);
    return matchAny(this.globs(cfg.plans), rel) && !(cfg.exclude.length && matchAny(this.globs(cfg.exclude), rel));
  }

  /** The kind a document is read as regardless of marker and name: the caller's, else `plan` where the `plans` globs name it. */
  kindOf(uri: string, cfg: ResolvedConfig = this.configs.forDocument(uri), kind?: DocKind): DocKind | undefined {
    return kind ?? (this.planned(uri, cfg) ? 'plan' : undefined);
  }

  excluded(uri: string, cfg: ResolvedConfig = this.configs.forDocument(uri)): boolean {
    if (!cfg.exclude.length || !cfg.root || !uri.startsWith(cfg.root)) return false;
    return matchAny(this.globs(cfg.exclude), relativeUri(uri, cfg.root));
  }

  /**
   * How `set` reads a document: whether the exclude globs drop it, whether the include globs
   * make it a document, and the kind it is read as. The CLI's threads parse with these same
   * options before handing the result to `set` (docs/decisions.md "Many files").
   */
  parseOptions(uri: string, cfg: ResolvedConfig = this.configs.forDocument(uri), kind?: DocKind): { excluded: boolean; included: boolean; kind?: DocKind } {
    const excluded = this.excluded(uri, cfg);
    return { excluded, included: this.included(uri, cfg), kind: this.kindOf(uri, cfg, kind) };
  }

  /**
   * The compiled globs of a configuration's list (patterns past the bounds were reported and
   * dropped by the configuration), kept for as long as this Workspace: its configuration
   * does not change under it (a changed one makes a new Workspace, lsp/session.ts).
   */
  private globs(list: string[]): CompiledGlob[] {
    const key = list.join('\n');
    let out = this.compiled.get(key);
    if (!out) {
      out = [];
      for (const p of list) {
        const g = compileGlob(p);
        if (!('error' in g)) out.push(g);
      }
      this.compiled.set(key, out);
    }
    return out;
  }
  private readonly compiled = new Map<string, CompiledGlob[]>();

  /**
   * Takes a document's text; returns the parsed document, or undefined when it is none.
   * `edit`: what changed since the text it was made to (the server's incremental edits; the
   * CLI gives whole files and none). `parsed`: the result of the same parseDocument call made
   * elsewhere (the CLI's worker threads, docs/decisions.md "Many files"), null when that
   * found no document. `kind`: read it as that kind even without marker or name (`stratdoc
   * convert`); else the configuration's `plans` globs make it a plan. `cache: false`: keep
   * nothing of this reading for the next (files read from disk, which are read again only
   * when they change there; only documents being edited keep their chunks,
   * docs/decisions.md "Memory").
   */
  set(uri: string, text: DocText, opts: { edit?: EditSpan; parsed?: ParsedDocument | null; kind?: DocKind; cache?: boolean } = {}): ParsedDocument | undefined {
    const cfg = this.configs.forDocument(uri);
    this.skipped.delete(uri);
    if (text.length > cfg.maxFileSize || (text.length * 3 > cfg.maxFileSize && utf8Length(flat(text), cfg.maxFileSize) > cfg.maxFileSize)) {
      this.setTooLarge(uri, text.slice(0, 4096));
      return undefined;
    }
    const how = this.parseOptions(uri, cfg, opts.kind);
    const doc = how.excluded
      ? undefined
      : opts.parsed !== undefined
        ? (opts.parsed ?? undefined)
        : parseDocument(uri, text, { included: how.included, kind: how.kind, cache: opts.cache === false ? readingOnce(uri) : this.cache, edit: opts.edit });
    if (opts.cache === false) this.cache?.drop(uri);
    if (doc && (opts.cache === false || opts.parsed)) this.shareStrings(doc);
    const before = this.docs.get(uri);
    if (!doc) {
      this.remove(uri);
      if (!how.excluded) this.noteUnmarked(uri, flat(text), cfg);
      return undefined;
    }
    this.unmarked.delete(uri);
    this.docs.set(uri, doc);
    // Projects change only when a document appears, disappears or changes its links.
    if (!before || before.kind !== doc.kind || before.plan?.strategyPath?.value !== doc.plan?.strategyPath?.value) this.projectList = undefined;
    else this.replaceInProjects(before, doc);
    return doc;
  }

  /**
   * Field keys and short values as one string each across the documents read from disk
   * (docs/decisions.md "Memory"): every entry of a plan repeats its few keys, and its
   * channels, people, IDs, statuses, formats and dates repeat across entries and plans; a
   * reading without the chunk cache (whose string table shares them within one reading)
   * kept a copy per field, about 4 MB in a workspace of 300 documents. Documents being
   * edited keep their cache's table: this walk is not made per keystroke. Bounded; what it
   * keeps is detached from the text. Keys of at most 48 characters, other strings of at most
   * 16: longer values (titles, links, descriptions) seldom repeat.
   */
  private readonly strings = new Map<string, string>();
  private share(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size >= 16384) return s;
    const copy = detachString(s);
    this.strings.set(copy, copy);
    return copy;
  }
  /** The short strings an item, entry, field, span or reference holds itself, shared. */
  private shareIn(o: object, depth: number): void {
    const rec = o as Record<string, unknown>;
    for (const k of Object.keys(rec)) {
      const v = rec[k];
      if (typeof v === 'string') {
        // A field key repeats in every entry however long it is (a German key of three words).
        if (k === 'key' ? v.length <= 48 : v.length <= 16 && k !== 'uri') rec[k] = this.share(v);
      } else if (depth > 0 && typeof v === 'object' && v !== null && !('start' in v && 'end' in v)) {
        if (Array.isArray(v)) {
          for (const x of v as unknown[]) if (typeof x === 'object' && x !== null) this.shareIn(x, depth - 1);
        } else this.shareIn(v, depth - 1);
      }
    }
  }
  private shareStrings(doc: ParsedDocument): void {
    for (const e of doc.plan?.entries ?? []) this.shareIn(e, 2);
    const s = doc.strategy;
    if (s) for (const list of [s.people, s.goals, s.kpis, s.audiences, s.channels]) for (const it of list) this.shareIn(it, 2);
  }

  /**
   * A file that is no document: when it looks like a plan or a strategy, keep the one
   * unmarked-document finding for it (docs/format.md "Documents without a marker"), with the
   * configuration's severity and the file's own `stratdoc-disable` comment applied.
   */
  private noteUnmarked(uri: string, text: string, cfg: ResolvedConfig): void {
    const id = unmarkedRule.meta.id;
    const setting = cfg.rules.get(id);
    if (setting?.severity === 'off') return;
    let r: ReturnType<typeof recognize>;
    try {
      r = recognize(uri, text);
    } catch {
      // A notice is a courtesy: whatever the recogniser stumbles over, the file just gets none.
      return;
    }
    if (!r) return;
    const f = unmarkedFinding(uri, text, r);
    if (text.includes('stratdoc-disable')) {
      // The same comments as in a document: -file, -line, -next-line, and a disable range.
      const sup = emptySuppressions();
      scanSuppressions(text, new LineIndex(text), r.format, sup);
      if (isSuppressed(sup, id, f.range.start.line)) return;
    }
    this.unmarked.set(uri, {
      rule: id,
      uri,
      range: f.range,
      message: f.message,
      severity: setting?.severity ?? unmarkedRule.meta.severity,
      fixes: f.fixes,
      data: { kind: r.kind },
    });
  }

  /** The unmarked-document findings, one per file that looks like a plan or strategy. */
  unmarkedFindings(): Finding[] {
    return [...this.unmarked.values()];
  }

  /**
   * A file over `maxFileSize`: skipped, with one message when it would be a document
   * (judged by its first few KB, all a caller needs to read of it).
   */
  setTooLarge(uri: string, head: string): void {
    const cfg = this.configs.forDocument(uri);
    const was = this.docs.get(uri);
    this.remove(uri);
    if (was || detect(uri, head, { included: this.included(uri, cfg), kind: this.planned(uri, cfg) ? 'plan' : undefined })) {
      this.skip(uri, FILE_MESSAGES.tooLarge(cfg.maxFileSize));
    }
  }

  /** Records a file that is not readable as text or too large; reported once. */
  skip(uri: string, message: Text): void {
    this.remove(uri);
    this.skipped.set(uri, { uri, message });
  }

  remove(uri: string): void {
    this.skipped.delete(uri);
    this.cache?.drop(uri);
    this.unmarked.delete(uri);
    if (this.docs.delete(uri)) this.projectList = undefined;
    this.memo?.prune((u) => u !== uri);
  }

  get(uri: string): ParsedDocument | undefined {
    return this.docs.get(uri);
  }

  get size(): number {
    return this.docs.size;
  }

  documents(): IterableIterator<ParsedDocument> {
    return this.docs.values();
  }

  skippedFiles(): Skipped[] {
    return [...this.skipped.values()];
  }

  /** Swaps a changed document into its project without relinking everything. */
  private replaceInProjects(before: ParsedDocument, doc: ParsedDocument): void {
    const p = this.projectByUri.get(doc.uri);
    if (!this.projectList || !p) {
      this.projectList = undefined;
      return;
    }
    const np = new Project(
      p.strategy === before ? doc : p.strategy,
      p.plans.map((x) => (x === before ? doc : x)),
      p.links,
      this.derived,
    );
    this.projectList = this.projectList.map((x) => (x === p ? np : x));
    for (const d of np.documents) this.projectByUri.set(d.uri, np);
  }

  projects(): Project[] {
    if (this.projectList) return this.projectList;
    const list = linkProjects(this.docs.values(), (u) => this.docs.get(u)).map((p) => new Project(p.strategy, p.plans, p.links, this.derived));
    this.projectList = list;
    this.projectByUri = new Map();
    for (const p of list) for (const d of p.documents) this.projectByUri.set(d.uri, p);
    return list;
  }

  projectOf(uri: string): Project | undefined {
    this.projects();
    return this.projectByUri.get(uri);
  }

  /** The findings of one project; cached until one of its documents changes. */
  checkProject(p: Project, today: string): Finding[] {
    return drain(this.checkProjectSteps(p, today));
  }

  /** `checkProject`, yielding after each rule run (see checkProjectSteps in engine.ts). */
  *checkProjectSteps(p: Project, today: string): Generator<void, Finding[], void> {
    const home = p.documents[0];
    const key = p.documents;
    const prev = this.resultKeys.get(home.uri);
    if (prev && prev.today === today && prev.key.length === key.length && prev.key.every((d, i) => d === key[i])) return prev.findings;
    const found = yield* checkProjectSteps(p, { today, configFor: (u) => this.configs.forDocument(u), rules: this.rules, memo: this.memo });
    // With the memo, unchanged findings are the same objects as last time: only the new ones
    // are sorted, and merged into the last check's order by what the engine says changed
    // since (Delta) when that check is the one it compared with.
    const delta = this.memo?.delta;
    const since = delta && delta.home === home.uri && delta.base && prev?.token === delta.base ? delta : undefined;
    const findings = this.memo ? sortAgainst(found, prev?.findings, since) : found.sort(compareFindings);
    this.resultKeys.set(home.uri, { key, today, findings, token: delta?.home === home.uri ? delta.token : undefined });
    return findings;
  }

  /** Every finding of the workspace by document URI (documents without findings included). */
  check(today: string): Map<string, Finding[]> {
    return drain(this.checkSteps(today));
  }

  /**
   * `check`, yielding after each rule run. A caller that stops early (the workspace changed
   * meanwhile) loses nothing: each finished project's findings are cached as by `check`.
   */
  *checkSteps(today: string): Generator<void, Map<string, Finding[]>, void> {
    const out = new Map<string, Finding[]>();
    for (const d of this.docs.values()) out.set(d.uri, []);
    for (const [uri, f] of this.unmarked) out.set(uri, [f]);
    const live = new Set<string>();
    for (const p of this.projects()) {
      live.add(p.documents[0].uri);
      // Sorted by document first: each document's findings are one stretch.
      const found = yield* this.checkProjectSteps(p, today);
      for (let i = 0; i < found.length;) {
        const uri = found[i].uri;
        let j = i + 1;
        while (j < found.length && found[j].uri === uri) j++;
        const list = out.get(uri);
        if (list && !list.length) out.set(uri, found.slice(i, j));
        else if (list) for (let k = i; k < j; k++) list.push(found[k]);
        i = j;
      }
    }
    for (const k of [...this.resultKeys.keys()]) if (!live.has(k)) this.resultKeys.delete(k);
    return out;
  }
}

/** Runs a stepwise check to its end. */
function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The size of a text in UTF-8 bytes, counted only as far as needed (the size limit is in
 * bytes for the CLI and the server alike; docs/security.md). Stops once past `limit`.
 */
export function utf8Length(text: string, limit = Infinity): number {
  if (text.length * 3 <= limit) return text.length; // cannot be over the limit: not worth counting
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
