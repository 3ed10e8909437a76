/**
 * `itemKeysOf` (server/src/core/fingerprint.ts) finds a plan entry by binary search: it must
 * give what the first entry holding the position gives, on every fixture plan (Markdown,
 * YAML, CSV, cross-posts sharing a row's range) and on positions between entries.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/core/parse';
import { itemKeysOf } from '../../server/src/core/fingerprint';
import { containsPos, type Position } from '../../server/src/core/text';
import { idKey } from '../../server/src/core/vocab';
import type { ParsedDocument } from '../../server/src/core/model';
import { repoRoot } from '../helpers/repo';

/** The reference: the first entry (in the model's order) whose range holds the position. */
function linear(doc: ParsedDocument, p: Position): string | undefined {
  for (const e of doc.plan?.entries ?? []) {
    if (!containsPos(e.range, p)) continue;
    if (e.id) return `entry:${idKey(e.id.id)}`;
    return `entry~${(e.title?.value ?? e.date?.raw ?? '').trim().toLowerCase()}@${e.channel ? idKey(e.channel.id) : ''}`;
  }
  return undefined;
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (/\.(md|ya?ml|csv)$/i.test(e.name)) out.push(p);
  }
  return out;
}

describe('core: fingerprint item keys', () => {
  it('finds the entry a position lies in as a scan of all entries does, on every fixture and example plan @slow', () => {
    const root = repoRoot();
    let plans = 0;
    let shared = 0;
    for (const f of [...files(path.join(root, 'test/fixtures')), ...files(path.join(root, 'examples'))]) {
      const doc = parseDocument(`file://${f}`, fs.readFileSync(f, 'utf8'));
      const entries = doc?.plan?.entries;
      if (!doc || !entries?.length) continue;
      plans++;
      const keyAt = itemKeysOf(doc);
      const points: Position[] = [
        { line: 0, character: 0 },
        { line: doc.lines.lineCount, character: 0 },
      ];
      entries.forEach((e, i) => {
        points.push(
          e.range.start,
          e.range.end,
          { line: e.range.start.line, character: e.range.start.character + 1 },
          { line: e.range.end.line + 1, character: 0 },
        );
        for (const x of e.fields) points.push(x.range.start);
        if (i && entries[i - 1].range.start.line === e.range.start.line) shared++;
      });
      for (const p of points) {
        const want = linear(doc, p);
        if (want !== undefined) assert.equal(keyAt(p), want, `${f} at ${p.line}:${p.character}`);
        else assert.doesNotMatch(keyAt(p), /^entry/, `${f} at ${p.line}:${p.character}`);
      }
    }
    assert.ok(plans > 20, `only ${plans} plans`);
    assert.ok(shared > 0, 'no cross-post (entries sharing a row) among the fixtures');
  });
});
