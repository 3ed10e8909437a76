/**
 * The server's state: the core workspace fed from disk and from the editor's open
 * documents, the settings, and the diagnostics last published per document. The LSP
 * handlers in server.ts are thin wiring over this and the service functions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../core/workspace';
import { ConfigResolver, type RawConfig, configSchema, checkRuleSettings } from '../core/config';
import { isConfigFileName, isInside, loadFile, readConfigFile, realFolder, walkDocuments, walkedTo } from '../core/files';
import { todayIso, type Finding } from '../core/engine';
import { LineIndex, type Lang, type Position, type Text } from '../core/text';
import { normalizeLoneCr } from '../core/parse';
import type { EditSpan } from '../core/model';
import { toPath, toUri } from '../core/uri';

export interface SessionHost {
  /** `version`: the editor's version of an open document the diagnostics belong to. */
  publish(uri: string, findings: Finding[], lang: Lang, version?: number): void;
  log(message: string): void;
  /** Called once per skipped file (too large, not UTF-8). */
  notifySkipped?(uri: string, message: string): void;
}

/** Files scanned at most at start, so a huge folder opened by mistake stays usable. */
export const MAX_SCAN_FILES = 20000;

export class Session {
  configs!: ConfigResolver;
  ws!: Workspace;
  roots: string[] = [];
  locale: Lang = 'en';
  settings: RawConfig | undefined;
  /**
   * Open documents: the editor's text wins over the disk's. The one copy of an open
   * document's text in the server (the editor's changes are applied here, didEdit), with
   * its version beside it in `versions`.
   */
  readonly open = new Map<string, string>();
  private readonly lastPublished = new Map<string, string>();
  /** Documents that had diagnostics published while open (cleared on close). */
  private readonly once = new Set<string>();
  /** The findings last seen per document: the same objects mean nothing changed (no hashing). */
  private readonly lastFindings = new Map<string, Finding[]>();
  /** Versions of open documents, and those edited since the last publish (always published). */
  private readonly versions = new Map<string, number>();
  private readonly edited = new Set<string>();
  private readonly skippedNotified = new Set<string>();
  /** Internal errors already written to the log (each once; the set is bounded). */
  private readonly loggedInternal = new Set<string>();
  private timer: { cancel(): void } | undefined;
  /** When the last check ended, and how long it took (performance.now() milliseconds). */
  private lastEnd = -Infinity;
  private lastCost = 0;
  /** The longest rest after a check: changes within it are coalesced into one check. */
  debounceMs = 10;
  /** A fixed "today" (tests); otherwise the date of each check. */
  today: string | undefined;

  constructor(private readonly host: SessionHost) {
    this.rebuild();
  }

  private rebuild(): void {
    this.configs = new ConfigResolver(
      { readFile: (uri) => this.readText(uri) },
      { overrides: this.settings, roots: this.roots.length ? this.roots : undefined },
    );
    this.ws = new Workspace(this.configs, { cache: true });
  }

  /**
   * Validates editor settings (`stratdoc.*`); invalid parts are logged and ignored.
   * `trace` (`stratdoc.trace.server`) belongs to the LSP client, not to the configuration.
   */
  setSettings(raw: unknown): void {
    let settings: RawConfig | undefined;
    if (raw && typeof raw === 'object') {
      const cleaned = Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([k, v]) => k !== 'trace' && v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)));
      const r = configSchema.partial().safeParse(cleaned);
      if (r.success) {
        settings = r.data;
        // Unknown rules and options out of range are dropped as in .stratdoc.yaml (the default applies).
        if (settings.rules) {
          const dropped: string[] = [];
          settings = { ...settings, rules: checkRuleSettings(settings.rules, (p, m) => dropped.push(`${p.slice(1).join('.')}: ${m.en}`)) as RawConfig['rules'] };
          if (dropped.length) this.host.log(`stratdoc settings ignored: ${dropped.join('; ')}`);
        }
      } else this.host.log(`stratdoc settings ignored: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    this.settings = settings;
  }

  /** A configuration file's text: the editor's when open, else the disk's under the file policy. */
  readText(uri: string): string | undefined | { error: Text } {
    const open = this.open.get(uri);
    if (open !== undefined) return open;
    const p = toPath(uri);
    if (!p) return undefined;
    // Without workspace folders (a single file opened) the configuration above it applies, read in place.
    const boundary = this.roots.length ? this.boundaryOf(p) : realFolder(path.dirname(p));
    return boundary ? readConfigFile(p, boundary) : undefined;
  }

  /** The real path of the workspace folder a file lies in (nothing outside one is read). */
  private boundaryOf(file: string, walked = false): string | undefined {
    for (const r of this.roots) {
      const root = toPath(r);
      if (!root || !isInside(path.resolve(file), root)) continue;
      if (!walked) return realFolder(root);
      // As the walker: no skipped folder on the way, and the file's folder really inside the root.
      const inside = walkedTo(root, path.resolve(file), path.sep) && isInside(realFolder(path.dirname(file)), realFolder(root));
      return inside ? realFolder(root) : undefined;
    }
    return undefined;
  }

  langOf(uri: string): Lang {
    return this.configs.forDocument(uri).language ?? this.locale;
  }

  /**
   * Reads the workspace folders from disk through the core file policy (the same walker,
   * skip list, symlink rule, size limit and decoder as the CLI; docs/security.md).
   */
  scan(): void {
    let n = 0;
    for (const r of this.roots) {
      const p = toPath(r);
      if (!p) continue;
      const walked = walkDocuments(p, { maxFiles: MAX_SCAN_FILES - n });
      n += walked.entries.length;
      const boundary = realFolder(p);
      for (const e of walked.entries) this.loadFromDisk(toUri(e.path), boundary);
      if (walked.truncated) this.host.log(`stratdoc: stopped scanning after ${MAX_SCAN_FILES} files.`);
    }
  }

  /** (Re)loads a file from disk unless it is open in the editor. */
  loadFromDisk(uri: string, boundary?: string): void {
    if (this.open.has(uri)) return;
    const p = toPath(uri);
    if (!p || isConfigFileName(p)) return;
    // A file the scan did not walk to (in node_modules, dist, a dot folder…) is not read when the watcher names it either.
    const b = boundary ?? this.boundaryOf(p, true);
    if (b === undefined) {
      this.ws.remove(uri);
      return;
    }
    loadFile(this.ws, p, uri, { boundary: b });
    this.reportSkipped(uri);
  }

  private reportSkipped(uri: string): void {
    const s = this.ws.skippedFiles().find((x) => x.uri === uri);
    if (!s) {
      this.skippedNotified.delete(uri);
      return;
    }
    if (this.skippedNotified.has(uri)) return;
    this.skippedNotified.add(uri);
    const msg = s.message[this.langOf(uri)];
    this.host.log(`${uri}: ${msg}`);
    this.host.notifySkipped?.(uri, msg);
  }

  /** A document opened in the editor: from now on its text wins over the disk's. */
  didOpen(uri: string, text: string, version?: number): void {
    this.didChange(uri, text, version);
  }

  didChange(uri: string, text: string, version?: number, edit?: EditSpan): void {
    this.open.set(uri, text);
    if (version !== undefined) this.versions.set(uri, version);
    this.edited.add(uri);
    this.ws.set(uri, text, edit);
    this.reportSkipped(uri);
    this.schedule();
  }

  /**
   * The editor's changes to an open document (LSP incremental sync: each change in the text
   * the ones before it left; one without a range replaces the whole text). They are applied
   * to the text held here, and what they spanned goes to the readers, which then need not
   * compare the old and new texts to find it (docs/performance.md "What an edit costs").
   */
  didEdit(uri: string, changes: { range?: { start: Position; end: Position }; text: string }[], version?: number): void {
    const before = this.open.get(uri);
    if (before === undefined) return; // not open: the protocol sends changes only for open documents
    let text = before;
    let prefix = Infinity;
    let suffix = Infinity;
    for (const c of changes) {
      if (!c.range) {
        text = c.text;
        prefix = suffix = 0;
        continue;
      }
      // Positions count lone CRs as line breaks, as the readers do (normalizeLoneCr keeps offsets).
      const norm = normalizeLoneCr(text);
      const doc = this.ws.get(uri);
      const lines = doc && doc.text === norm ? doc.lines : new LineIndex(norm);
      const s = lines.offsetAt(c.range.start);
      const e = Math.max(s, lines.offsetAt(c.range.end));
      prefix = Math.min(prefix, s);
      suffix = Math.min(suffix, text.length - e);
      text = text.slice(0, s) + c.text + text.slice(e);
    }
    // Changes apart from each other: what lies between them counts as changed.
    const edit = prefix + suffix <= Math.min(before.length, text.length) ? { before: normalizeLoneCr(before), prefix, suffix } : undefined;
    this.didChange(uri, text, version, edit);
  }

  didClose(uri: string): void {
    this.open.delete(uri);
    this.once.delete(uri);
    this.versions.delete(uri);
    // Back to what is on disk (or gone, for an unsaved new file).
    if (toPath(uri) && fs.existsSync(toPath(uri)!)) this.loadFromDisk(uri);
    else this.ws.remove(uri);
    this.schedule();
  }

  /** A file changed on disk (created, changed or deleted). */
  fileChanged(uri: string, deleted: boolean): void {
    if (isConfigFileName(uri)) {
      this.reconfigure();
      return;
    }
    if (deleted) {
      if (!this.open.has(uri)) this.ws.remove(uri);
    } else this.loadFromDisk(uri);
    this.schedule();
  }

  /** Settings or a configuration file changed: everything is read again. */
  reconfigure(): void {
    this.rebuild();
    for (const [uri, text] of this.open) this.ws.set(uri, text);
    this.scan();
    this.schedule();
  }

  /**
   * Checks soon, coalescing bursts. After a check the server rests as long as that check
   * took, at most `debounceMs`; a change in that rest waits for its end and is checked
   * together with whatever else arrives meanwhile. A change after the rest is checked on
   * the next turn of the event loop. So a keystroke gets its diagnostics without an added
   * delay, and a burst of changes (a paste, a replace-all, a fast typist on a long
   * document) spends at most about half the time checking.
   */
  schedule(): void {
    if (this.timer) return;
    const run = () => {
      this.timer = undefined;
      this.publishAll();
    };
    const wait = this.lastEnd + Math.min(this.debounceMs, this.lastCost) - performance.now();
    if (wait <= 0) {
      const h = setImmediate(run);
      this.timer = { cancel: () => clearImmediate(h) };
    } else {
      const h = setTimeout(run, wait);
      this.timer = { cancel: () => clearTimeout(h) };
    }
  }

  /** Runs any pending validation now (before answering a request that needs fresh results). */
  flush(): void {
    if (this.timer) {
      this.timer.cancel();
      this.timer = undefined;
      this.publishAll();
    }
  }

  findings(): Map<string, Finding[]> {
    return this.ws.check(this.today ?? todayIso());
  }

  publishAll(): void {
    const start = performance.now();
    try {
      this.checkAndPublish();
    } finally {
      this.lastEnd = performance.now();
      this.lastCost = this.lastEnd - start;
    }
  }

  /**
   * A finding about an internal failure says so in words; what failed (the exception) goes
   * to the log, once, never into the message (docs/decisions.md "Protocol").
   */
  private logInternal(all: Map<string, Finding[]>): void {
    for (const list of all.values()) {
      for (const f of list) {
        const x = internalOf(f);
        if (!x || this.loggedInternal.has(`${f.uri}\n${x}`)) continue;
        if (this.loggedInternal.size >= 1000) this.loggedInternal.clear();
        this.loggedInternal.add(`${f.uri}\n${x}`);
        this.host.log(`stratdoc: ${f.rule} in ${f.uri} failed internally: ${x}`);
      }
    }
  }

  private checkAndPublish(): void {
    let all: Map<string, Finding[]>;
    try {
      all = this.findings();
    } catch (e) {
      this.host.log(`stratdoc: checking failed: ${e instanceof Error ? e.stack : String(e)}`);
      return;
    }
    // Configuration problems are shown on the configuration file itself.
    for (const p of this.configs.problems()) {
      const list = all.get(p.uri) ?? [];
      list.push({ rule: 'config', uri: p.uri, range: p.range, message: p.message, severity: 'warning' });
      all.set(p.uri, list);
    }
    this.logInternal(all);
    for (const s of this.ws.skippedFiles()) {
      all.set(s.uri, [{ rule: 'file', uri: s.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: s.message, severity: 'information' }]);
    }
    // A document just edited always gets its diagnostics (with its version), so the editor
    // knows they are current; others only when theirs changed.
    const edited = new Set(this.edited);
    this.edited.clear();
    for (const [uri, findings] of all) {
      const seen = this.lastFindings.get(uri);
      this.lastFindings.set(uri, findings);
      if (!edited.has(uri) && seen && sameObjects(seen, findings) && this.lastPublished.has(uri)) continue;
      const lang = this.langOf(uri);
      const key = fingerprint(findings, lang);
      if (this.lastPublished.get(uri) === key && !edited.has(uri)) continue;
      this.lastPublished.set(uri, key);
      if (this.open.has(uri)) this.once.add(uri);
      this.host.publish(uri, findings, lang, this.versions.get(uri));
    }
    for (const uri of [...this.lastFindings.keys()]) if (!all.has(uri)) this.lastFindings.delete(uri);
    const cleared = new Set<string>();
    for (const uri of [...this.lastPublished.keys()]) {
      if (all.has(uri)) continue;
      this.lastPublished.delete(uri);
      cleared.add(uri);
      this.host.publish(uri, [], this.locale, this.versions.get(uri));
    }
    // An open document that was one and no longer is (its marker or front matter half
    // typed) still gets an empty publish for each version, so the editor knows that
    // version has none; a file that never was a document gets nothing.
    for (const uri of edited) {
      if (all.has(uri) || cleared.has(uri) || !this.once.has(uri) || !this.open.has(uri)) continue;
      this.host.publish(uri, [], this.locale, this.versions.get(uri));
    }
  }
}

function internalOf(f: Finding): string | undefined {
  const x = f.data?.internal;
  return typeof x === 'string' ? x : undefined;
}

function sameObjects<T>(a: T[], b: T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What a client sees of a document's diagnostics, hashed (FNV-1a, 32 bit, with the count
 * and total length beside it): cheaper than building a string of thousands of findings
 * on every keystroke, and a change in any rule, range, message or severity changes it.
 */
export function fingerprint(findings: Finding[], lang: Lang): string {
  let h = 0x811c9dc5;
  let len = 0;
  const str = (s: string) => {
    len += s.length;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0xff, 0x01000193);
  };
  const num = (n: number) => {
    h = Math.imul(h ^ (n & 0xffff), 0x01000193);
    h = Math.imul(h ^ (n >>> 16), 0x01000193);
  };
  for (const f of findings) {
    str(f.rule);
    num(f.range.start.line);
    num(f.range.start.character);
    num(f.range.end.line);
    num(f.range.end.character);
    str(f.message[lang]);
    str(f.severity);
  }
  return `${lang}:${findings.length}:${len}:${(h >>> 0).toString(16)}`;
}
