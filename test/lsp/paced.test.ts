/**
 * Typing faster than the server checks (docs/decisions.md "Request flow"): edits sent
 * 30 ms apart to a large plan, whether or not diagnostics arrived. Diagnostics must keep
 * arriving while the typist types (a check that a newer edit overtook still ends and
 * publishes), and each publish must carry the version its diagnostics were computed for.
 * Counts and versions are asserted, never timings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient } from './harness';
import { generateCorpus } from '../bench/corpus';

const EDITS = 60;

describe('server: paced typing on a large plan', function () {
  this.timeout(240000);
  let c: TestClient | undefined;
  afterEach(async () => c?.stop());

  it('publishes while edits arrive every 30 ms, each publish for the version it was computed for', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-paced-'));
    generateCorpus(dir, { strategies: 2, entries: 2000, seed: 5 });
    const rel = (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).find((f) => f.endsWith('.plan.yaml'))!;
    assert.ok(rel, 'the corpus has a YAML plan');
    let text = fs.readFileSync(path.join(dir, rel), 'utf8');
    c = await TestClient.start(dir, { debounceMs: 10, workDoneProgress: true });
    const uri = await c.open(rel, text);
    // The full check after reading the workspace (the first publish has local rules only).
    const fullCheck = () => {
      const end = c!.events.findIndex((e) => e.startsWith('progress end'));
      return end >= 0 && c!.events.slice(end).some((e) => e.startsWith(`publish ${uri} 1 `));
    };
    await c.until(fullCheck, 'the full check of the plan', 200000);

    // The channel of the entry in the middle of the plan, renamed on every keystroke to
    // zz<version>: each version has exactly one undeclared channel, named after it. A
    // channel is read by the aggregate rules too, so each edit costs a real check.
    const lines = text.split('\n');
    const at = lines.findIndex((l, i) => i > lines.length / 2 && /^ {4}channel: /.test(l));
    assert.ok(at > 0);
    const start = '    channel: '.length;
    let end = lines[at].length;
    const sentAt: number[] = [];
    for (let v = 2; v < EDITS + 2; v++) {
      const name = `zz${v}`;
      await c.edit(rel, { start: { line: at, character: start }, end: { line: at, character: end } }, name);
      end = start + name.length;
      sentAt.push(c.history.length);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    const last = EDITS + 1;
    await c.until(() => c!.history.some((p) => p.uri === uri && p.version === last), `the diagnostics of version ${last}`, 200000);
    lines[at] = `    channel: zz${last}`;
    text = lines.join('\n');

    const mine = c.history.filter((p) => p.uri === uri && p.version !== undefined && p.version > 1);
    // Versions never go back, and each publish says what its version's text holds.
    for (let i = 1; i < mine.length; i++) assert.ok(mine[i].version! >= mine[i - 1].version!, `versions go back: ${mine.map((p) => p.version).join(',')}`);
    for (const p of mine) {
      const named = p.diagnostics.flatMap((d) => (typeof d.message === 'string' ? d.message : d.message.value).match(/\bzz\d+\b/g) ?? []);
      assert.deepEqual([...new Set(named)], [`zz${p.version}`], `version ${p.version} published with the findings of ${named.join(', ')}`);
    }
    // Diagnostics arrived while typing, not only when it stopped: publishes of versions
    // before the last one, and before the last edit was sent.
    const during = c.history.slice(0, sentAt[sentAt.length - 1]).filter((p) => p.uri === uri && p.version! > 1 && p.version! < last);
    assert.ok(during.length >= 3, `only ${during.length} publishes while typing (${mine.map((p) => p.version).join(',')})`);
    assert.equal(mine.at(-1)!.version, last);
    assert.ok(text.includes(`channel: zz${last}`));
  });
});
