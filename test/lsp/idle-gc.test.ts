/**
 * The server's one collection at rest (server/src/node/idle-gc.ts, docs/decisions.md
 * "Memory"): V8's `gc` had at run time without a global, and the collector's timing (two
 * per quiet spell, never while a check is pending or running). Its effect on memory is a
 * benchmark figure (the 300-document workspace's RSS at rest), not a test.
 */
import * as assert from 'node:assert/strict';
import { gcFunction, IdleCollector } from '../../server/src/node/idle-gc';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits (at most 10 s) until `done` holds; fails the test when it never does. */
async function until(done: () => boolean): Promise<void> {
  for (const t0 = Date.now(); !done(); await sleep(20)) if (Date.now() - t0 > 10_000) assert.fail('never happened');
}

describe('collection at rest (node/idle-gc.ts)', () => {
  it('gets V8’s gc at run time without making it a global, and it collects', async function () {
    if (!/^1[0-2]\./.test(process.versions.v8)) this.skip(); // the V8 versions it is known on
    const hadGlobal = typeof (globalThis as { gc?: unknown }).gc === 'function';
    const gc = gcFunction();
    assert.equal(typeof gc, 'function');
    assert.equal(typeof (globalThis as { gc?: unknown }).gc === 'function', hadGlobal, 'no global gc appears');
    const ref = ((): WeakRef<object> => new WeakRef({ garbage: 'x'.repeat(100) }))();
    await sleep(0); // a WeakRef's target lives to the end of the job that made it
    gc!();
    assert.equal(ref.deref(), undefined, 'the object nothing holds is collected');
  });

  it('collects twice per quiet spell (a spell apart), after the last work', async () => {
    let n = 0;
    const c = new IdleCollector(
      () => n++,
      () => false,
      1000,
    );
    c.worked();
    c.worked();
    await sleep(300);
    c.worked();
    assert.equal(n, 0, 'work within the spell puts the collection off');
    await until(() => n > 0);
    assert.equal(n, 1, 'the first, then a spell until the second');
    await until(() => n > 1);
    await sleep(2500);
    assert.equal(n, 2, 'two collections for the spell, none while nothing is owed');
    c.worked();
    await until(() => n > 2);
    c.dispose();
  });

  it('waits while a check is pending or running', async () => {
    let n = 0;
    let busy = true;
    const c = new IdleCollector(
      () => n++,
      () => busy,
      40,
    );
    c.worked();
    await sleep(130);
    assert.equal(n, 0, 'not during a check');
    busy = false;
    await until(() => n > 1);
    assert.equal(n, 2);
    c.dispose();
  });

  it('collects nothing once disposed', async () => {
    let n = 0;
    const c = new IdleCollector(
      () => n++,
      () => false,
      30,
    );
    c.worked();
    c.dispose();
    await sleep(90);
    assert.equal(n, 0);
  });
});
