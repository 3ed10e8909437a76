/**
 * Findings against a baseline (docs/cli.md "Changes, not the whole plan"): the findings
 * of a previous run (`--baseline FILE`, a `--format json` output) or of a Git revision
 * (`--changed-since REF`). A finding is unchanged when the baseline has its fingerprint
 * (each baseline finding matches once); the baseline findings left over were fixed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { messageKey } from '../core/fingerprint';
import type { Text } from '../core/text';
import { t } from '../core/text';
import type { CliDiagnostic } from './diagnostics';
import { errorCode, reason } from '../core/files';

/** What the comparison needs of a baseline finding (older JSON has no fingerprint). */
export interface BaselineFinding {
  file: string;
  line: number;
  rule: string;
  message: string;
  severity?: string;
  fingerprint?: string;
}

export interface Comparison {
  /** Baseline findings no current finding matched. */
  fixed: BaselineFinding[];
  unchanged: number;
}

export const BASELINE = {
  unreadable: (file: string, code: string): Text =>
    t(`cannot read the baseline ${file} (${reason(code).en}).`, `die Baseline ${file} lässt sich nicht lesen (${reason(code).de}).`),
  notJson: (file: string): Text =>
    t(
      `the baseline ${file} is not the JSON of 'stratdoc check --format json' (an array of findings).`,
      `die Baseline ${file} ist nicht das JSON von 'stratdoc check --format json' (eine Liste von Meldungen).`,
    ),
  both: (): Text => t('use either --baseline or --changed-since, not both.', 'verwenden Sie entweder --baseline oder --changed-since, nicht beides.'),
};

export function readBaseline(file: string, cwd: string): BaselineFinding[] | { error: Text } {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    return { error: BASELINE.unreadable(file, errorCode(e)) };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { error: BASELINE.notJson(file) };
  }
  if (!Array.isArray(data)) return { error: BASELINE.notJson(file) };
  const out: BaselineFinding[] = [];
  for (const x of data as unknown[]) {
    if (!x || typeof x !== 'object') return { error: BASELINE.notJson(file) };
    const o = x as Record<string, unknown>;
    if (typeof o.file !== 'string' || typeof o.rule !== 'string' || typeof o.message !== 'string') return { error: BASELINE.notJson(file) };
    out.push({
      file: o.file,
      line: typeof o.line === 'number' ? o.line : 1,
      rule: o.rule,
      message: o.message,
      severity: typeof o.severity === 'string' ? o.severity : undefined,
      fingerprint: typeof o.fingerprint === 'string' ? o.fingerprint : undefined,
    });
  }
  return out;
}

/** The weaker identity of a baseline finding without fingerprint: rule, file and message kind. */
const weakKey = (d: { rule: string; file: string; message: string }) => `${d.rule}\0${d.file}\0${messageKey(d.message)}`;

/** Marks each current finding new or unchanged (in place); returns what was fixed. */
export function compareWithBaseline(current: CliDiagnostic[], baseline: BaselineFinding[]): Comparison {
  const strong = new Map<string, BaselineFinding[]>();
  const weak = new Map<string, BaselineFinding[]>();
  for (const b of baseline) {
    const [m, k] = b.fingerprint ? [strong, b.fingerprint] : [weak, weakKey(b)];
    const l = m.get(k);
    if (l) l.push(b);
    else m.set(k, [b]);
  }
  let unchanged = 0;
  const used = new Set<BaselineFinding>();
  for (const d of current) {
    const hit = strong.get(d.fingerprint)?.shift() ?? weak.get(weakKey(d))?.shift();
    d.status = hit ? 'unchanged' : 'new';
    if (hit) {
      unchanged++;
      used.add(hit);
    }
  }
  return { fixed: baseline.filter((b) => !used.has(b)), unchanged };
}
