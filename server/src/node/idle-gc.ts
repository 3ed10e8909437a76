/**
 * One full garbage collection once the language server has rested (docs/decisions.md
 * "Memory", "A collection when the server rests"). After a burst of work (reading the
 * workspace, a check, typing) V8 keeps its young generation grown (two 16 MB halves,
 * resident) and gives it back only in a collection made while little is being allocated,
 * which its own memory reducer does not reliably start in a Node process. Two full
 * collections asked for after the server has been quiet for `QUIET_MS`, and again a spell
 * later, do give it back: the 300-document workspace's RSS 170 -> ~135 MB. They run once
 * per quiet spell, never during a check, and only where V8 hands out its `gc` function
 * (below).
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** How long the server is quiet before it collects (and again before the second): a pause in typing, not a breath. */
export const QUIET_MS = 5_000;

/** V8 versions on which `--expose-gc` set at run time is known to work as measured. */
const KNOWN_V8 = /^1[0-2]\./;

/**
 * V8's `gc` function without exposing it as a global: the flag applies to contexts made
 * after it is set, so a fresh context has `gc`, and the main context does not (the
 * server's test-only memory request keeps depending on the command-line `--expose-gc`).
 * Undefined where it cannot be had; the server then simply does not collect.
 */
export function gcFunction(): (() => void) | undefined {
  // Made this way even when the process has a global `gc` (the tests' and the benchmark's
  // --expose-gc), so they run what editors run.
  if (!KNOWN_V8.test(process.versions.v8)) return undefined;
  try {
    v8.setFlagsFromString('--expose-gc');
    const fn: unknown = vm.runInNewContext('gc');
    v8.setFlagsFromString('--no-expose-gc');
    return typeof fn === 'function' ? (fn as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Collects after the last `worked()` when `quietMs` passed with no other, and once more
 * `quietMs` later; when the timer fires while `busy()` (a check pending or running), it
 * waits another spell.
 */
export class IdleCollector {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private owed = false;
  /** The first collection of a spell is made; the next one is the second. */
  private second = false;
  /** Collections made (tests read it). */
  collections = 0;

  constructor(
    private readonly collect: () => void,
    private readonly busy: () => boolean,
    private readonly quietMs = QUIET_MS,
  ) {}

  /** Work was done: collections are owed once the server has been quiet for a spell. */
  worked(): void {
    this.owed = true;
    this.second = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), this.quietMs);
    // The timer never keeps the process alive (the server exits when its client goes).
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    if (!this.owed) return;
    if (this.busy()) {
      this.worked();
      return;
    }
    this.owed = false;
    this.collections++;
    this.collect();
    // A second one a spell later. V8 gives the young generation back only when its
    // allocation rate is low, and it measures that rate between collections: the first
    // one's interval still holds what the burst allocated before it went quiet (up to a
    // whole young generation); the second's holds nothing. Measured: with one collection
    // the 300-document server stayed at 169 MB in one run of three.
    if (!this.second) {
      this.second = true;
      this.owed = true;
      this.timer = setTimeout(() => this.fire(), this.quietMs);
      this.timer.unref();
    } else this.second = false;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
