/**
 * What the server keeps between edits of a document (docs/decisions.md "Memory"): parsed
 * Markdown chunks by their text, the plan entries built from a chunk (Markdown table
 * slice or YAML entry) by the chunk's text and place, and a YAML plan's last reading in
 * pieces. An edit then re-parses and rebuilds only the chunk it touched, and unchanged
 * entries stay the same objects (so per-entry rule results can be reused).
 *
 * Memory is bounded by the documents, not by their history: each document keeps exactly
 * what its last reading used. A reading looks up what the one before used and keeps what
 * it uses itself; when it is done, that replaces the one before. A chunk typed away is
 * dropped with the next reading; a document removed from the workspace drops its part.
 */
import type { Root } from 'mdast';
import { detachString, type DocText, type LineIndex } from '../text';
import type { Suppressions } from '../model';

/**
 * A YAML plan read in pieces (yaml.ts): its text and line index, what was built from each
 * piece (a piece is its lines: its offsets are their starts in `lines`), and the whole
 * reading assembled from them, so that a keystroke inside one piece replaces that piece's
 * part and copies the rest without visiting each piece.
 */
export interface PieceState<B, E = unknown> {
  text: DocText;
  lines: LineIndex;
  pieces: { startLine: number; endLine: number; built: B }[];
  /** Every piece's entries in order, and the index of each piece's first one. */
  entries: E[];
  first: number[];
  /** The pieces with problems, in order; how many pieces are open (yaml.ts `Built.open`). */
  withProblems: number[];
  open: number;
}

/** What one reading of one document used. */
interface Generation {
  roots: Map<string, Root>;
  built: Map<string, unknown>;
  pieces?: { key: string; state: PieceState<unknown, unknown> };
  /** A Markdown document's last cut (markdown.ts `MdCut`). */
  cut?: { key: string; value: unknown };
  /** The last reading's suppression comments, with its text and index (common.ts shiftSuppressions). */
  sup?: KeptSuppressions;
}

/** A reading's suppressions with the text and line index they were found in. */
export interface KeptSuppressions {
  text: DocText;
  lines: LineIndex;
  sup: Suppressions;
  /** The first and last line of each comment, in pairs (Markdown's, which may span lines: markdown.ts `suppressionsOf`). */
  spans?: number[];
}

export class ChunkCache {
  private readonly docs = new Map<string, Generation>();
  /**
   * What a reader built from one parsed node (a strategy's table), under the node: it goes
   * when the node's chunk is typed away (the node is kept only by `roots`). The reader
   * keeps a key with the value and checks it (the node's place, what the section expects).
   */
  private readonly nodes = new WeakMap<object, unknown>();

  /** Starts a reading of a document; `commit()` it when the reading is complete. */
  open(uri: string): DocumentCache {
    return new DocumentCache(this.docs.get(uri), (g) => this.docs.set(uri, g), this.nodes);
  }

  /** A document left the workspace (or is no stratdoc document any more). */
  drop(uri: string): void {
    this.docs.delete(uri);
  }

  /** Whether a document's reading is kept (it was read with the cache: one being edited). */
  holds(uri: string): boolean {
    return this.docs.has(uri);
  }

  /** Parsed chunks kept, over all documents (tests). */
  get size(): number {
    let n = 0;
    for (const g of this.docs.values()) n += g.roots.size;
    return n;
  }

  /** Top-level nodes of a type in the parsed chunks a document keeps (tests). */
  keptNodes(uri: string, type: string): number {
    let n = 0;
    for (const r of this.docs.get(uri)?.roots.values() ?? []) for (const c of r.children) if (c.type === type) n++;
    return n;
  }

  /** Documents with something kept (tests). */
  get documents(): number {
    return this.docs.size;
  }
}

/**
 * The cache for one reading of a file from disk, kept by nobody after it (the CLI, and the
 * server's files that are not open): a long YAML plan is read in pieces, entry by entry, as
 * an open one is, so the file gives the same findings open or closed, in the editor or in
 * `stratdoc check` (docs/decisions.md "Many files"). Other files need none.
 */
export function readingOnce(uri: string): ChunkCache | undefined {
  return /\.ya?ml$/i.test(uri) ? new ChunkCache() : undefined;
}

/** One reading's view of the cache: lookups see the last reading's part and its own. */
export class DocumentCache {
  private readonly next: Generation = { roots: new Map(), built: new Map() };
  /** The strings of this reading's built values, one copy each (`detach`). */
  private readonly strings = new Map<string, string>();

  constructor(
    private readonly prev: Generation | undefined,
    private readonly keep: (g: Generation) => void,
    private readonly nodes: WeakMap<object, unknown> = new WeakMap(),
  ) {}

  perNode<T>(node: object): T | undefined {
    return this.nodes.get(node) as T | undefined;
  }

  setPerNode<T>(node: object, value: T): void {
    this.nodes.set(node, value);
  }

  get(text: string): Root | undefined {
    const root = this.next.roots.get(text) ?? this.prev?.roots.get(text);
    if (root) this.next.roots.set(text, root);
    return root;
  }

  set(text: string, root: Root): void {
    this.next.roots.set(text, root);
  }

  getBuilt<T>(key: string): T | undefined {
    const v = (this.next.built.get(key) ?? this.prev?.built.get(key)) as T | undefined;
    if (v !== undefined) this.next.built.set(key, v);
    return v;
  }

  /**
   * Keeps what was built from a chunk; its strings are detached from the document's text.
   * `kept`: objects in it a reading before kept already (detached then), not walked again.
   */
  setBuilt<T>(key: string, value: T, kept?: ReadonlySet<object>): void {
    this.next.built.set(key, detach(value, this.strings, kept));
  }

  /** The last reading in pieces of this document under `key` (document and language); without a key, under any. */
  pieces<B, E>(key?: string): PieceState<B, E> | undefined {
    const p = this.prev?.pieces;
    return p && (key === undefined || p.key === key) ? (p.state as PieceState<B, E>) : undefined;
  }

  /** Keeps this reading in pieces; what was built anew is detached from the text (`fresh`). */
  setPieces<B, E>(key: string, state: PieceState<B, E>, fresh: B[]): void {
    for (const b of fresh) detach(b, this.strings);
    this.next.pieces = { key, state };
  }

  /** The last reading's cut of this Markdown document under `key` (document and cut). */
  cut<T>(key: string): T | undefined {
    const c = this.prev?.cut;
    return c && c.key === key ? (c.value as T) : undefined;
  }

  /** Keeps this reading's cut (its chunks and what was built from them, already detached). */
  setCut<T>(key: string, value: T): void {
    this.next.cut = { key, value };
  }

  /** The last reading's suppressions (with its text: the caller checks that an edit was made to it). */
  suppressions(): KeptSuppressions | undefined {
    return this.prev?.sup;
  }

  /** Keeps this reading's suppressions for the next (their names are cut from the text: detached). */
  setSuppressions(k: KeptSuppressions): void {
    for (const n of k.sup.names) n.name = detachString(n.name);
    this.next.sup = k;
  }

  /** The reading is complete: it replaces the last one. */
  commit(): void {
    this.keep(this.next);
  }
}

/**
 * Makes what was built from one reading of a document independent of that reading's text,
 * in place, and returns it. In V8 a substring (`slice`, a regular-expression match, `trim`)
 * of a long string points into it, so one value kept across edits keeps the whole text of
 * the version it was cut from alive: with a value or a message from every edited entry,
 * every version of a long plan was kept (docs/decisions.md "Memory"). Walks plain objects
 * and arrays; each string becomes a flat copy, one per distinct string in `copies` (a
 * reading shares one table: the field keys, channel names, dates and the document's URI
 * that every entry repeats are then kept once, not once per entry). Objects in `kept` were
 * detached by an earlier reading and are not walked (each of their strings would be copied
 * again: the table of copies is per reading).
 */
export function detach<T>(value: T, copies = new Map<string, string>(), kept?: ReadonlySet<object>): T {
  const str = (v: string): string => {
    let c = copies.get(v);
    if (c === undefined) {
      c = detachString(v);
      copies.set(v, c);
    }
    return c;
  };
  // Built values are trees of plain data (an object shared by several entries is walked
  // once per reference); the depth bound stands in for a set of seen objects, which cost
  // twenty times the walk on a long plan's first reading.
  const walk = (o: Record<string, unknown> | unknown[], depth: number): void => {
    if (depth > 32 || kept?.has(o)) return;
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) {
        const v = o[i];
        if (typeof v === 'string') o[i] = str(v);
        else if (typeof v === 'object' && v !== null) walk(v as Record<string, unknown>, depth + 1);
      }
      return;
    }
    if (o instanceof Set || o instanceof Map) return;
    for (const k in o) {
      const v = o[k];
      if (typeof v === 'string') o[k] = str(v);
      else if (typeof v === 'object' && v !== null) walk(v as Record<string, unknown>, depth + 1);
    }
  };
  if (typeof value === 'object' && value !== null) walk(value as Record<string, unknown>, 0);
  return value;
}
