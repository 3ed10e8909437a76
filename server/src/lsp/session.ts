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
import { checkLocal, todayIso, type Finding } from '../core/engine';
import { sameList } from '../core/entry-hunks';
import { BlockText, LineIndex, flat, sameText, type DocText, type Lang, type Position, type Text } from '../core/text';
import { normalizeLoneCr } from '../core/parse';
import type { EditSpan } from '../core/model';
import { dirnameUri, parentFolder, resolveUri, toPath, toUri } from '../core/uri';
import { capFindings } from '../service/diagnostics';

export interface SessionHost {
  /** `version`: the editor's version of an open document the diagnostics belong to. */
  publish(uri: string, findings: Finding[], lang: Lang, version?: number): void;
  log(message: string): void;
  /** Called once per skipped file (too large, not UTF-8). */
  notifySkipped?(uri: string, message: string): void;
  /** Reading the workspace in the background: begins, advances (files read of all), ends. */
  progress?(kind: 'begin' | 'report' | 'end', done: number, total: number): void;
  /**
   * Pull diagnostics (docs/decisions.md "Request flow"): the diagnostics of an open
   * document changed without an edit of it (a cross-file finding, the index completed);
   * the client should pull again (`workspace/diagnostic/refresh`).
   */
  refresh?(): void;
  /** No check is pending or running any more (after each check, and after a flush). */
  rested?(): void;
}

/** One slice of background reading or checking runs this long before it yields to requests. */
export const SLICE_MS = 15;
/** Reading the workspace starts this long after it is asked for (see startIndex). */
export const START_MS = 50;
/** The default of `stratdoc.maxDiagnostics` (docs/decisions.md "Request flow"). */
export const DEFAULT_MAX_DIAGNOSTICS = 500;
/** Rules whose findings in a document depend on that document alone (RuleMeta.local). */

/** The diagnostics of an open document as a pulling client last received them. */
export interface PullResult {
  resultId: string;
  findings: Finding[];
  /** The findings the result was made from (the same objects: nothing to redo). */
  source?: Finding[];
}

/** Unread changes of a document closer than this (characters) are read as one span (see didChange). */
const NEAR = 2048;

/** Files scanned at most at start, so a huge folder opened by mistake stays usable. */
export const MAX_SCAN_FILES = 20000;

export class Session {
  configs!: ConfigResolver;
  private workspace!: Workspace;
  /**
   * Texts of open documents the editor changed and the workspace has not read yet, with
   * what the changes spanned (merged over all changes since the last reading). They are
   * read when the workspace is next asked for: by the next check, or by a request. So a
   * burst of keystrokes is read once, not once per keystroke (docs/decisions.md "Request flow").
   */
  private readonly unread = new Map<string, { text: DocText; edit: EditSpan | undefined }>();

  /** The workspace, with every change the editor sent read. */
  get ws(): Workspace {
    if (this.unread.size) this.readChanges();
    return this.workspace;
  }

  private readChanges(): void {
    const list = [...this.unread];
    this.unread.clear();
    for (const [uri, { text, edit }] of list) {
      this.workspace.set(uri, text, { edit });
      this.reportSkipped(uri);
    }
  }
  roots: string[] = [];
  locale: Lang = 'en';
  settings: RawConfig | undefined;
  /**
   * Open documents: the editor's text wins over the disk's. The one copy of an open
   * document's text in the server (the editor's changes are applied here, didEdit), with
   * its version beside it in `versions`.
   */
  readonly open = new Map<string, DocText>();
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
  /** A check runs (it yields between rule runs); `rerun`: something changed meanwhile. */
  private running = false;
  private rerun = false;
  private readonly settledWaiters: (() => void)[] = [];
  private readonly indexedWaiters: (() => void)[] = [];
  /** Background reading of the workspace: files still to read, and the generation reading them. */
  private indexQueue: { uri: string; boundary: string }[] = [];
  private indexDone = 0;
  private indexGen = 0;
  /**
   * Whether the whole workspace has been read. Until then only open documents are
   * published, with the findings of local rules only (docs/decisions.md "Request flow").
   */
  indexed = true;
  /** Per document at most this many diagnostics, and one summary (`stratdoc.maxDiagnostics`). */
  maxDiagnostics = DEFAULT_MAX_DIAGNOSTICS;
  /** The client pulls the diagnostics of open documents (textDocument/diagnostic). */
  pull = false;
  private readonly pulled = new Map<string, PullResult>();
  /** Each finding's hash for the fingerprints, made once per finding (see fingerprint). */
  private readonly hashes: FingerprintCache = { en: new WeakMap(), de: new WeakMap() };
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
    this.workspace = new Workspace(this.configs, { cache: true });
    // Open documents are read whole into the new workspace (reconfigure).
    this.unread.clear();
  }

  /**
   * Validates editor settings (`stratdoc.*`); invalid parts are logged and ignored.
   * `trace` (`stratdoc.trace.server`) belongs to the LSP client, not to the configuration.
   */
  setSettings(raw: unknown): void {
    let settings: RawConfig | undefined;
    this.maxDiagnostics = DEFAULT_MAX_DIAGNOSTICS;
    if (raw && typeof raw === 'object') {
      // `maxDiagnostics` is the editor's, not the configuration's (docs/decisions.md "Request flow").
      const max = (raw as Record<string, unknown>).maxDiagnostics;
      if (typeof max === 'number' && Number.isInteger(max) && max >= 1) this.maxDiagnostics = max;
      else if (max !== undefined && max !== null) this.host.log(`stratdoc settings ignored: maxDiagnostics: must be a whole number of at least 1`);
      const cleaned = Object.fromEntries(
        Object.entries(raw as Record<string, unknown>).filter(
          ([k, v]) =>
            k !== 'trace' &&
            k !== 'maxDiagnostics' &&
            v !== null &&
            v !== undefined &&
            !(Array.isArray(v) && v.length === 0) &&
            !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0),
        ),
      );
      const r = configSchema.partial().safeParse(cleaned);
      if (r.success) {
        settings = r.data;
        // Unknown rules and options out of range are dropped as in .stratdoc.yaml (the default applies).
        if (settings.rules) {
          const dropped: string[] = [];
          settings = {
            ...settings,
            rules: checkRuleSettings(settings.rules, (p, m) => dropped.push(`${p.slice(1).join('.')}: ${m.en}`)) as RawConfig['rules'],
          };
          if (dropped.length) this.host.log(`stratdoc settings ignored: ${dropped.join('; ')}`);
        }
      } else this.host.log(`stratdoc settings ignored: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    this.settings = settings;
  }

  /** A configuration file's text: the editor's when open, else the disk's under the file policy. */
  readText(uri: string): string | undefined | { error: Text } {
    const open = this.open.get(uri);
    if (open !== undefined) return flat(open);
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
    const queue: { uri: string; boundary: string }[] = [];
    for (const r of this.roots) {
      const p = toPath(r);
      if (!p) continue;
      const walked = walkDocuments(p, { maxFiles: MAX_SCAN_FILES - queue.length });
      const boundary = realFolder(p);
      for (const e of walked.entries) queue.push({ uri: toUri(e.path), boundary });
      if (walked.truncated) this.host.log(`stratdoc: stopped scanning after ${MAX_SCAN_FILES} files.`);
    }
    this.startIndex(queue);
  }

  /**
   * Reads the walked files in slices of SLICE_MS, yielding to requests and to the open
   * documents' checks between slices (setImmediate), with progress. A newer scan (settings
   * or folders changed) ends an older one.
   */
  private startIndex(queue: { uri: string; boundary: string }[]): void {
    const gen = ++this.indexGen;
    if (!this.indexed) this.host.progress?.('end', this.indexDone, this.indexQueue.length);
    this.indexQueue = queue;
    this.indexDone = 0;
    this.indexed = queue.length === 0;
    if (this.indexed) {
      for (const resolve of this.indexedWaiters.splice(0)) resolve();
      return;
    }
    this.host.progress?.('begin', 0, queue.length);
    // The first slice waits START_MS: the documents an editor restores arrive right after
    // `initialized` and are checked and published first (docs/decisions.md "Request flow").
    const slice = () => {
      if (gen !== this.indexGen) return;
      const start = performance.now();
      while (this.indexDone < this.indexQueue.length) {
        const next = this.indexQueue[this.indexDone++];
        this.loadFromDisk(next.uri, next.boundary);
        if (performance.now() - start >= SLICE_MS) break;
      }
      if (this.indexDone < this.indexQueue.length) {
        this.host.progress?.('report', this.indexDone, this.indexQueue.length);
        setImmediate(slice);
        return;
      }
      const total = this.indexQueue.length;
      this.indexQueue = [];
      this.indexed = true;
      this.host.progress?.('end', total, total);
      for (const resolve of this.indexedWaiters.splice(0)) resolve();
      this.schedule();
    };
    setTimeout(slice, START_MS);
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
    if (this.indexed) return;
    // While the workspace is read: published at once, ahead of the next slice of reading.
    this.flush();
    this.readNeighbours(uri);
  }

  /**
   * While the workspace is read: what an open document's strategy can be is read next,
   * ahead of the rest — the file its `strategy:` path names, and the files in its folder
   * and each folder above it (where a strategy found by folder lies). `now`: read them
   * at once — a request about the document (completion, hover…) needs its strategy.
   */
  readNeighbours(uri: string, now = false): void {
    if (this.indexed) return;
    const doc = this.ws.get(uri);
    if (!doc) return;
    const sp = doc.plan?.strategyPath?.value;
    const target = sp ? resolveUri(uri, sp) : undefined;
    const folders = new Set<string>();
    for (let f: string | undefined = dirnameUri(uri); f; f = parentFolder(f)) folders.add(f);
    const rest = this.indexQueue.slice(this.indexDone);
    const first = rest.filter((q) => q.uri === target || folders.has(dirnameUri(q.uri)));
    if (!first.length) return;
    const ahead = new Set(first);
    this.indexQueue = [...this.indexQueue.slice(0, this.indexDone), ...first, ...rest.filter((q) => !ahead.has(q))];
    if (!now) return;
    for (const q of first) this.loadFromDisk(q.uri, q.boundary);
    this.indexDone += first.length;
  }

  /** Resolves once the whole workspace is read (requests that span it wait for this). */
  whenIndexed(): Promise<void> {
    if (this.indexed) return Promise.resolve();
    return new Promise((resolve) => this.indexedWaiters.push(resolve));
  }

  didChange(uri: string, text: DocText, version?: number, edit?: EditSpan): void {
    this.open.set(uri, text);
    if (version !== undefined) this.versions.set(uri, version);
    this.edited.add(uri);
    // Read with the next check or request; changes since the last reading span all of theirs.
    // A change far from the unread ones (more than NEAR characters between them) has the
    // unread ones read first: one span over both would read all that lies between.
    const was = this.unread.get(uri);
    let merged = was ? mergeEdits(was.edit, edit) : edit;
    if (was && merged && edit && was.edit) {
      const width = (e: EditSpan, length: number) => length - e.prefix - e.suffix;
      if (width(merged, text.length) > width(was.edit, was.text.length) + width(edit, text.length) + NEAR) {
        this.unread.delete(uri);
        this.workspace.set(uri, was.text, { edit: was.edit });
        merged = edit;
      }
    }
    this.unread.set(uri, { text, edit: merged });
    this.schedule();
  }

  /**
   * The editor's changes to an open document (LSP incremental sync: each change in the text
   * the ones before it left; one without a range replaces the whole text). They are applied
   * to the text held here, and what they spanned goes to the readers with the new text's
   * line index, updated from the changes (LineIndex.edited): a keystroke costs its change,
   * not a scan of the text (docs/decisions.md "State and its invalidation"). A text with a
   * lone CR (which the readers read as LF, normalizeLoneCr) is the exception: it is
   * normalized whole after each notification.
   */
  didEdit(uri: string, changes: { range?: { start: Position; end: Position }; text: string }[], version?: number): void {
    const held = this.open.get(uri);
    if (held === undefined) return; // not open: the protocol sends changes only for open documents
    // The text in blocks (docs/decisions.md "What a keystroke costs"): a change makes a new
    // block where it lies and shares the others; no string of the whole text is made.
    const before = typeof held === 'string' ? BlockText.of(held, true) : held;
    // Changes not read yet: the index of their text serves, and the reading they span is theirs.
    const unread = this.unread.get(uri);
    const doc = unread ? undefined : this.workspace.get(uri);
    let text: DocText = before;
    // The last reading's index serves while the held text is the one it read (no lone CR in it).
    const index = unread ? unread.edit?.lines : doc?.lines;
    let lines: LineIndex | undefined = index && sameText(index.source, held) ? index : undefined;
    let prefix = Infinity;
    let suffix = Infinity;
    for (const c of changes) {
      if (!c.range) {
        text = BlockText.of(c.text, true);
        lines = undefined;
        prefix = suffix = 0;
        continue;
      }
      // Positions count a lone CR as a line break, as the readers do; LineIndex does too.
      lines ??= new LineIndex(text);
      const s = lines.offsetAt(c.range.start);
      const e = Math.max(s, lines.offsetAt(c.range.end));
      prefix = Math.min(prefix, s);
      suffix = Math.min(suffix, text.length - e);
      const next: BlockText = text.edit(s, e, c.text);
      lines = lines.edited(next, s, e, c.text);
      text = next;
    }
    // Only where a CR came in (or a lone one was there) can the text hold a lone CR: the
    // index is then of the text normalized whole (a string), as the readers read it.
    const norm: DocText = normalizeLoneCr(text);
    const normLines = lines && (norm === text ? lines : new LineIndex(norm, lines.lineStarts));
    // Changes apart from each other: what lies between them counts as changed.
    const edit =
      prefix + suffix <= Math.min(before.length, text.length)
        ? { before: unread || (doc && sameText(doc.lines.source, held)) ? held : normalizeLoneCr(flat(held)), prefix, suffix, lines: normLines }
        : undefined;
    this.didChange(uri, text, version, edit);
  }

  didClose(uri: string): void {
    this.unread.delete(uri);
    this.pulled.delete(uri);
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
    if (!this.indexed) for (const uri of this.open.keys()) this.readNeighbours(uri);
    this.schedule();
  }

  /**
   * Checks soon, coalescing bursts. A change after a check that ended with nothing pending
   * is checked on the next turn of the event loop, with no added delay. A change that
   * arrives while a check runs waits for it: that check still ends and publishes (for the
   * versions it was computed for), then the server rests as long as it took, at most
   * `debounceMs`, and checks everything that arrived meanwhile at once. So a keystroke
   * gets its diagnostics without delay, and a burst of changes (a paste, a replace-all, a
   * typist faster than the checks) spends at most about half the time checking and still
   * sees diagnostics while it lasts (docs/decisions.md "Request flow").
   */
  schedule(): void {
    if (this.running) {
      this.rerun = true;
      return;
    }
    if (this.timer) return;
    const run = () => {
      this.timer = undefined;
      void this.publishAll();
    };
    const wait = this.rest ? this.lastEnd + Math.min(this.debounceMs, this.lastCost) - performance.now() : 0;
    if (wait <= 0) {
      const h = setImmediate(run);
      this.timer = { cancel: () => clearImmediate(h) };
    } else {
      const h = setTimeout(run, wait);
      this.timer = { cancel: () => clearTimeout(h) };
    }
  }

  /** Runs any pending validation now, synchronously (after `initialized`: the open documents first). */
  flush(): void {
    if (this.timer && !this.running) {
      this.timer.cancel();
      this.timer = undefined;
      this.publishNow();
      this.notifySettled();
    }
  }

  /** Resolves once no check is pending or running: a pulled result is then current. */
  settled(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** A check is pending or running. */
  get busy(): boolean {
    return !!this.timer || this.running;
  }

  private notifySettled(): void {
    if (this.busy) return;
    for (const resolve of this.settledWaiters.splice(0)) resolve();
    this.host.rested?.();
  }

  findings(): Map<string, Finding[]> {
    return this.ws.check(this.today ?? todayIso());
  }

  /** Checks everything and publishes, without yielding. */
  publishNow(): void {
    const start = performance.now();
    try {
      const versions = new Map(this.versions);
      const edited = new Set(this.edited);
      this.edited.clear();
      if (!this.indexed) {
        this.publishMap(this.collectOpen(), true, versions, edited);
        return;
      }
      let all: Map<string, Finding[]>;
      try {
        all = this.findings();
      } catch (e) {
        this.host.log(`stratdoc: checking failed: ${e instanceof Error ? e.stack : String(e)}`);
        for (const uri of edited) this.edited.add(uri);
        return;
      }
      this.publishMap(this.withFileFindings(all), false, versions, edited);
    } finally {
      this.lastEnd = performance.now();
      this.lastCost = this.lastEnd - start;
    }
  }

  /** The last check ended with changes pending: the next one waits out a rest (see schedule). */
  private rest = false;

  /**
   * Checks and publishes, yielding to the event loop whenever a slice of SLICE_MS is used
   * up (between rule runs), so requests are answered during a long check. A change that
   * arrives meanwhile does not stop it: the check ends on the documents it took and
   * publishes them with the versions they had when it began; the next check follows
   * (schedule). Only a check of a workspace the settings replaced is dropped
   * (docs/decisions.md "Request flow").
   */
  async publishAll(): Promise<void> {
    this.running = true;
    this.rest = false;
    const start = performance.now();
    // What this check is about: the versions and edits up to now. Edits that arrive while
    // it runs are the next check's.
    const versions = new Map(this.versions);
    const edited = new Set(this.edited);
    this.edited.clear();
    let published = false;
    try {
      if (!this.indexed) {
        this.publishMap(this.collectOpen(), true, versions, edited);
        published = true;
        return;
      }
      const ws = this.ws;
      const steps = ws.checkSteps(this.today ?? todayIso());
      let sliceStart = performance.now();
      let all: Map<string, Finding[]>;
      for (;;) {
        let r: IteratorResult<void, Map<string, Finding[]>>;
        try {
          r = steps.next();
        } catch (e) {
          this.host.log(`stratdoc: checking failed: ${e instanceof Error ? e.stack : String(e)}`);
          return;
        }
        if (r.done) {
          all = r.value;
          break;
        }
        if (performance.now() - sliceStart < SLICE_MS) continue;
        await new Promise<void>((resolve) => setImmediate(resolve));
        // A check of a workspace the settings replaced is dropped (reconfigure checks again).
        if (this.workspace !== ws) return;
        sliceStart = performance.now();
      }
      this.publishMap(this.withFileFindings(all), false, versions, edited);
      published = true;
    } finally {
      // Edits this check did not publish are still the next one's to publish.
      if (!published) for (const uri of edited) this.edited.add(uri);
      this.running = false;
      this.lastEnd = performance.now();
      this.lastCost = this.lastEnd - start;
      if (this.rerun) {
        this.rerun = false;
        this.rest = true;
        this.schedule();
      }
      this.notifySettled();
    }
  }

  /**
   * While the workspace is read: the open documents with the findings of local rules only.
   * A finding that depends on other documents waits for the index, so a first publish
   * never shows one the whole workspace would not (docs/decisions.md "Request flow").
   */
  private collectOpen(): Map<string, Finding[]> {
    const today = this.today ?? todayIso();
    const out = new Map<string, Finding[]>();
    for (const uri of this.open.keys()) {
      const doc = this.ws.get(uri);
      if (!doc) continue;
      try {
        out.set(uri, checkLocal(doc, { today, configFor: (u) => this.configs.forDocument(u) }));
      } catch (e) {
        this.host.log(`stratdoc: checking failed: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
    for (const f of this.ws.unmarkedFindings()) if (this.open.has(f.uri)) out.set(f.uri, [f]);
    for (const s of this.ws.skippedFiles()) if (this.open.has(s.uri)) out.set(s.uri, [skippedFinding(s.uri, s.message)]);
    return out;
  }

  /** The diagnostics of an open document for a pulling client. */
  pullResult(uri: string): PullResult {
    return this.pulled.get(uri) ?? { resultId: fingerprint([], this.langOf(uri)), findings: [] };
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

  /** Adds what is said about files rather than found by rules: configuration problems, skipped files. */
  private withFileFindings(all: Map<string, Finding[]>): Map<string, Finding[]> {
    // Configuration problems are shown on the configuration file itself.
    for (const p of this.configs.problems()) {
      const list = all.get(p.uri) ?? [];
      list.push({ rule: 'config', uri: p.uri, range: p.range, message: p.message, severity: 'warning' });
      all.set(p.uri, list);
    }
    for (const s of this.ws.skippedFiles()) all.set(s.uri, [skippedFinding(s.uri, s.message)]);
    return all;
  }

  /**
   * Sends what changed: pushed to the client, or kept for its pull (open documents when it
   * pulls). `partial`: only the open documents were checked (the index is not complete).
   * `versions` and `edited`: the documents' versions when the check began, and the ones
   * edited up to then: the diagnostics carry the version they were computed for.
   */
  private publishMap(all: Map<string, Finding[]>, partial: boolean, versions: Map<string, number>, edited: Set<string>): void {
    this.logInternal(all);
    // A document just edited always gets its diagnostics (with its version), so the editor
    // knows they are current; others only when theirs changed.
    let refresh = false;
    for (const [uri, findings] of all) {
      const lang = this.langOf(uri);
      if (this.pull && this.open.has(uri)) {
        // Pulled: a document pushed before it was opened gets its push cleared once.
        if (this.lastPublished.delete(uri)) this.host.publish(uri, [], lang, versions.get(uri));
        this.lastFindings.delete(uri);
        const prev = this.pulled.get(uri);
        if (prev?.source && sameList(prev.source, findings)) continue;
        const shown = capFindings(findings, this.maxDiagnostics);
        const resultId = fingerprint(shown, lang, this.hashes);
        this.pulled.set(uri, { resultId, findings: shown, source: findings });
        if (prev?.resultId !== resultId && !edited.has(uri)) refresh = true;
        continue;
      }
      const seen = this.lastFindings.get(uri);
      this.lastFindings.set(uri, findings);
      if (!edited.has(uri) && seen && sameList(seen, findings) && this.lastPublished.has(uri)) continue;
      const shown = capFindings(findings, this.maxDiagnostics);
      const key = fingerprint(shown, lang, this.hashes);
      if (this.lastPublished.get(uri) === key && !edited.has(uri)) continue;
      this.lastPublished.set(uri, key);
      if (this.open.has(uri)) this.once.add(uri);
      this.host.publish(uri, shown, lang, versions.get(uri));
    }
    if (!partial) {
      for (const uri of [...this.lastFindings.keys()]) if (!all.has(uri)) this.lastFindings.delete(uri);
      for (const [uri, prev] of [...this.pulled]) {
        if (all.has(uri)) continue;
        // An open document that is no longer one: nothing to show.
        const resultId = fingerprint([], this.langOf(uri));
        if (prev.resultId !== resultId) {
          this.pulled.set(uri, { resultId, findings: [] });
          if (!edited.has(uri)) refresh = true;
        }
      }
    }
    const cleared = new Set<string>();
    if (!partial) {
      for (const uri of [...this.lastPublished.keys()]) {
        if (all.has(uri)) continue;
        this.lastPublished.delete(uri);
        cleared.add(uri);
        this.host.publish(uri, [], this.locale, versions.get(uri));
      }
    }
    // An open document that was one and no longer is (its marker or front matter half
    // typed) still gets an empty publish for each version, so the editor knows that
    // version has none; a file that never was a document gets nothing.
    for (const uri of edited) {
      if (this.pull || all.has(uri) || cleared.has(uri) || !this.once.has(uri) || !this.open.has(uri)) continue;
      this.host.publish(uri, [], this.locale, versions.get(uri));
    }
    if (refresh) this.host.refresh?.();
  }
}

/**
 * Two edits one after the other as one (EditSpan): what the first left unchanged at the
 * start and the end and the second did too is unchanged from the first's text to the
 * second's. Without either span, none (the reader compares the texts).
 */
function mergeEdits(a: EditSpan | undefined, b: EditSpan | undefined): EditSpan | undefined {
  if (!a || !b) return undefined;
  return { before: a.before, prefix: Math.min(a.prefix, b.prefix), suffix: Math.min(a.suffix, b.suffix), lines: b.lines };
}

function skippedFinding(uri: string, message: Text): Finding {
  return { rule: 'file', uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message, severity: 'information' };
}

function internalOf(f: Finding): string | undefined {
  const x = f.data?.internal;
  return typeof x === 'string' ? x : undefined;
}

/**
 * What a client sees of a document's diagnostics, hashed (FNV-1a, 32 bit, with the count
 * and total length beside it): cheaper than building a string of thousands of findings
 * on every keystroke, and a change in any rule, range, message or severity changes it.
 */
export function fingerprint(findings: Finding[], lang: Lang, cache?: FingerprintCache): string {
  let h = 0x811c9dc5;
  let len = 0;
  const byFinding = cache?.[lang];
  for (const f of findings) {
    // Each finding is hashed once (findings of unchanged entries are the same objects), then
    // the hashes are combined in order.
    let x = byFinding?.get(f);
    if (!x) {
      x = hashFinding(f, lang);
      byFinding?.set(f, x);
    }
    len += x.len;
    h = Math.imul(h ^ (x.h & 0xffff), 0x01000193);
    h = Math.imul(h ^ (x.h >>> 16), 0x01000193);
  }
  return `${lang}:${findings.length}:${len}:${(h >>> 0).toString(16)}`;
}

/** The hash of each finding per language, kept while the finding lives. */
export type FingerprintCache = Record<Lang, WeakMap<Finding, { h: number; len: number }>>;

function hashFinding(f: Finding, lang: Lang): { h: number; len: number } {
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
  str(f.rule);
  num(f.range.start.line);
  num(f.range.start.character);
  num(f.range.end.line);
  num(f.range.end.character);
  str(f.message[lang]);
  str(f.severity);
  return { h: h >>> 0, len };
}
