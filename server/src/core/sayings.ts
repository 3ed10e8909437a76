/**
 * Findings by what they say (docs/decisions.md "Memory", "The findings are the one copy"):
 * the engine memo gives a rule that reports afresh the same Finding objects again when it
 * says the same again. What a finding says is its document, range, severity, message in
 * both languages, fixes and data; two findings that agree on all of them are
 * interchangeable. They are kept under a small hash of those fields and told apart by
 * comparing the fields, not under one string made of them: those strings were 5.3 MB of
 * the 300-document server's live heap (docs/performance.md "Memory per open document").
 */
import type { Finding } from './engine';

/** FNV-1a over a string, continued from `h`. */
function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return Math.imul(h ^ 10, 16777619);
}

function mixNumber(h: number, n: number): number {
  return Math.imul(h ^ n, 16777619);
}

/** What a finding, or a rule's report before it becomes one, says. */
type Said = Pick<Finding, 'uri' | 'range' | 'message' | 'fixes' | 'data'> & { severity?: Finding['severity'] };

const fixesOf = (f: Said): string => (f.fixes ? JSON.stringify(f.fixes) : '');
const dataOf = (f: Said): string => (f.data ? JSON.stringify(f.data) : '');

/**
 * A hash of what a finding says, small enough to stay an unboxed integer in V8 (30 bits):
 * kept per report in the memo, it costs no allocation.
 */
export function sayingHash(f: Finding): number {
  const r = f.range;
  let h = mix(2166136261, f.uri);
  h = mixNumber(mixNumber(h, r.start.line), r.start.character);
  h = mixNumber(mixNumber(h, r.end.line), r.end.character);
  h = mix(mix(mix(h, f.severity), f.message.en), f.message.de);
  h = mix(mix(h, fixesOf(f)), dataOf(f));
  return h & 0x3fffffff;
}

/** Whether two findings (or two reports) say the same (the fields sayingHash reads, compared one by one). */
export function sameSaying(a: Said, b: Said): boolean {
  if (a === b) return true;
  const x = a.range;
  const y = b.range;
  return (
    a.uri === b.uri &&
    x.start.line === y.start.line &&
    x.start.character === y.start.character &&
    x.end.line === y.end.line &&
    x.end.character === y.end.character &&
    a.severity === b.severity &&
    a.message.en === b.message.en &&
    a.message.de === b.message.de &&
    fixesOf(a) === fixesOf(b) &&
    dataOf(a) === dataOf(b)
  );
}

/** Findings kept once per saying, found by a finding that says the same and its hash. */
export class Sayings {
  /** One finding per hash, or the few whose sayings share a hash. */
  private readonly byHash = new Map<number, Finding | Finding[]>();

  /** The finding kept that says what `f` says (`h`: its sayingHash), if any. */
  get(f: Finding, h: number): Finding | undefined {
    const kept = this.byHash.get(h);
    if (kept === undefined) return undefined;
    if (!Array.isArray(kept)) return sameSaying(kept, f) ? kept : undefined;
    return kept.find((k) => sameSaying(k, f));
  }

  /** Keeps `f` under its saying unless a finding that says the same is kept already. */
  add(f: Finding, h: number): void {
    const kept = this.byHash.get(h);
    if (kept === undefined) this.byHash.set(h, f);
    else if (!Array.isArray(kept)) {
      if (!sameSaying(kept, f)) this.byHash.set(h, [kept, f]);
    } else if (!kept.some((k) => sameSaying(k, f))) kept.push(f);
  }
}
