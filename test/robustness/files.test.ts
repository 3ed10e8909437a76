/**
 * The core file policy (server/src/core/files) on its own: the glob matcher against
 * picomatch (the reference for what users expect of a glob) and against patterns that
 * make a backtracking engine take minutes, the decoder, and the safe writer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { compileGlob, matchGlob, decodeText, safeWrite, type CompiledGlob } from '../../server/src/core/files';

function glob(p: string): CompiledGlob {
  const g = compileGlob(p);
  assert.ok(!('error' in g), p);
  return g;
}

describe('robustness: config globs', function () {
  this.timeout(60_000);

  const PATTERNS = [
    '*.md',
    '**/*.md',
    'strategie/**/*.md',
    'plaene/**/*.yaml',
    'archiv/**',
    '**/archiv/**',
    '*.{md,yaml}',
    '**/*.{strategy,plan}.{md,yaml,yml}',
    'plaene/2027-q?.md',
    'plaene/[0-9]*.md',
    'plaene/[^a-z]*.md',
    '**/.hidden/*.md',
    'a/**/b/*.md',
    '**',
    'notes/*',
    './plaene/*.md',
    '!archiv/**',
    '**/*a*a*a.md',
    'x\\*y.md',
  ];
  const PATHS = [
    'a.md',
    'strategie.md',
    'plaene/2027-q1.md',
    'plaene/2027-q12.md',
    'plaene/q1.plan.yaml',
    'strategie/x/y/z.md',
    'archiv/alt.md',
    'x/archiv/alt/plan.md',
    '.hidden/x.md',
    'deep/.hidden/x.md',
    'a/b/c.md',
    'a/x/y/b/c.md',
    'a/b/x/c.md',
    'notes/x',
    'notes/x/y',
    'plaene/abc.md',
    'plaene/1abc.md',
    'aaa.md',
    'x*y.md',
    'xzy.md',
    'q.strategy.yml',
    'sub/q.plan.md',
  ];

  it('matches like picomatch (dot: true) on the patterns teams write', () => {
    for (const p of PATTERNS) {
      const g = glob(p);
      for (const f of PATHS) assert.equal(matchGlob(g, f), picomatch.isMatch(f, p, { dot: true }), `${p} on ${f}`);
    }
    // One deliberate difference: `[!a-z]` negates as in the shell and .gitignore (picomatch reads the ! literally).
    assert.equal(matchGlob(glob('plaene/[!a-z]*.md'), 'plaene/2027-q1.md'), true);
    assert.equal(matchGlob(glob('plaene/[!a-z]*.md'), 'plaene/q1.md'), false);
  });

  it('matches a pattern that backtracks in a regex engine in time linear in the path', () => {
    const g = glob('**/*a*a*a*a*a*a*a*a*a*a.md');
    const h = glob('**/*a*a*a*a*a*a*a*a*a*a*b.md');
    const name = 'a'.repeat(5000);
    assert.equal(matchGlob(g, `x/${name}.md`), true);
    assert.equal(matchGlob(h, `x/${name}.md`), false);
    assert.equal(matchGlob(glob(`${'*'.repeat(500)}b`), 'a'.repeat(20000)), false);
    assert.equal(matchGlob(glob(`${'**/'.repeat(300)}x`), `${'d/'.repeat(3000)}y`), false);
  });

  it('rejects patterns past the documented bounds instead of expanding them', () => {
    assert.deepEqual(compileGlob('x'.repeat(1001)), { error: 'too-long' });
    assert.deepEqual(compileGlob('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}'), { error: 'too-many-alternatives' });
    assert.ok(!('error' in compileGlob('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}')), '256 alternatives are fine');
  });
});

describe('robustness: decoder', () => {
  it('reads UTF-8 with and without BOM and UTF-16 LE/BE with BOM alike; anything else is an error', () => {
    const s = 'stratdoc: plan\n# Grüße 🥐\n';
    for (const bytes of [Buffer.from(s), Buffer.from('\ufeff' + s), Buffer.from('\ufeff' + s, 'utf16le'), Buffer.from('\ufeff' + s, 'utf16le').swap16()]) {
      assert.deepEqual(decodeText(bytes), { text: s });
    }
    assert.deepEqual(decodeText(Buffer.from(s, 'latin1')), { error: 'encoding' });
    assert.deepEqual(decodeText(Buffer.from(s, 'utf16le')), { error: 'binary' }, 'UTF-16 without BOM');
    assert.deepEqual(decodeText(Buffer.from([0xff, 0xfe, 0x41])), { error: 'encoding' }, 'an odd number of UTF-16 bytes');
  });
});

describe('robustness: safe writer', () => {
  it('refuses inputs (real paths compared), folders; replaces through a rename, keeping the mode', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-write-')));
    try {
      const input = path.join(dir, 'plan.md');
      fs.writeFileSync(input, 'plan');
      assert.deepEqual(safeWrite(path.join(dir, 'sub', '..', 'plan.md'), 'x', [input]), { refused: 'input', file: input });
      if (process.platform !== 'win32') {
        fs.symlinkSync(input, path.join(dir, 'link.html'));
        assert.equal((safeWrite(path.join(dir, 'link.html'), 'x', [input]) as { refused: string }).refused, 'input');
      }
      assert.equal((safeWrite(dir, 'x', []) as { refused: string }).refused, 'not-a-file');
      assert.equal(fs.readFileSync(input, 'utf8'), 'plan');
      const out = path.join(dir, 'r.html');
      fs.writeFileSync(out, 'old');
      fs.chmodSync(out, 0o640);
      assert.deepEqual(safeWrite(out, 'new', [input]), { written: out });
      assert.equal(fs.readFileSync(out, 'utf8'), 'new');
      if (process.platform !== 'win32') assert.equal(fs.statSync(out).mode & 0o777, 0o640);
      assert.deepEqual(
        fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
        [],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
