/**
 * The Workspace owns the state (docs/decisions.md "State and its invalidation"): no module
 * of the core holds state that is written after the module is loaded. Module-level
 * constants built once from data (vocabularies, rule tables) are fine; a `let`, or a
 * collection that a function writes to, is a cache outliving every Workspace and is not.
 *
 * Read with the TypeScript parser: every top-level `let`/`var` is state, and every
 * top-level collection (`new Map`/`Set`/`WeakMap`/`WeakSet`, an array or object literal)
 * that code inside a function writes to (`.set`, `.add`, `.push`, `.clear`, `x[k] =`…) is
 * state. Writes at the top level (a table filled by a loop as the module loads) are init.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { repoRoot } from '../helpers/repo';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';

const CORE = path.join(repoRoot(), 'server', 'src', 'core');

/** Module-level bindings that may be written after init, each with its reason. Keep it empty. */
const ALLOWED: Record<string, string> = {};

const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

function isCollection(init: ts.Expression | undefined): boolean {
  if (!init) return false;
  while (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
  if (ts.isArrayLiteralExpression(init) || ts.isObjectLiteralExpression(init)) return true;
  return ts.isNewExpression(init) && ts.isIdentifier(init.expression) && ['Map', 'Set', 'WeakMap', 'WeakSet', 'Array'].includes(init.expression.text);
}

/** Problems in one file: `name (file:line): why`. */
export function moduleState(file: string, source = fs.readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const rel = path.relative(repoRoot(), file);
  const out: string[] = [];
  const where = (n: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const collections = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name)) continue;
      const name = d.name.text;
      if (ALLOWED[name]) continue;
      if (!isConst) out.push(`${name} (${where(d)}): a module-level let/var`);
      else if (isCollection(d.initializer)) collections.add(name);
    }
  }
  const inFunction = (n: ts.Node): boolean => {
    for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p) || ts.isClassLike(p)) return true;
    return false;
  };
  const target = (e: ts.Expression): string | undefined => {
    while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = e.expression;
    return ts.isIdentifier(e) ? e.text : undefined;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && MUTATORS.has(n.expression.name.text)) {
      const name = target(n.expression.expression);
      if (name && collections.has(name) && inFunction(n)) out.push(`${name} (${where(n)}): written by .${n.expression.name.text}() after init`);
    }
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      n.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
      (ts.isPropertyAccessExpression(n.left) || ts.isElementAccessExpression(n.left))
    ) {
      const name = target(n.left);
      if (name && collections.has(name) && inFunction(n)) out.push(`${name} (${where(n)}): assigned to after init`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('core: no module-level mutable state', () => {
  it('no module of server/src/core keeps state written after it is loaded', () => {
    const found = files(CORE).flatMap((f) => moduleState(f));
    assert.deepEqual(found, []);
  });

  it('the scan finds each kind of module state it looks for (it can fail)', () => {
    const f = path.join(CORE, 'example.ts');
    const src = [
      'let counter = 0;',
      'const MEMO = new Map<string, string>();',
      'const BY_DOC = new WeakMap<object, number>();',
      'const LIST: string[] = [];',
      'const TABLE = new Map<string, number>();',
      'for (const w of ["a", "b"]) TABLE.set(w, 1);',
      'export function f(s: string) { counter++; MEMO.set(s, s); LIST.push(s); return TABLE.get(s); }',
      'export const g = (o: object) => { BY_DOC.set(o, 1); };',
      'class C { m = new Map(); h() { this.m.set(1, 2); } }',
    ].join('\n');
    const names = moduleState(f, src)
      .map((s) => s.split(' ')[0])
      .sort();
    assert.deepEqual(names, ['BY_DOC', 'LIST', 'MEMO', 'counter']);
  });
});

describe('caches owned by the Workspace: an edited workspace finds (and fixes) what a fresh one does @slow', () => {
  const STRATEGY = [
    'stratdoc: strategy',
    'title: Strategie',
    'language: de',
    'period: 2027-01-01..2027-12-31',
    'goals:',
    '  - { id: G1, title: Mehr Anfragen, type: conversion, primary: true }',
    'channels:',
    '  - { id: instagram, goals: [G1] }',
    '',
  ].join('\n');
  // German keys everywhere but in the last entry: a fix writes the plan's German key.
  const entry = (i: number) => `  - datum: 2027-03-${String(10 + (i % 20)).padStart(2, '0')}\n    kanal: instagram\n    titel: Beitrag ${i}\n    ziel: G1\n`;
  const PLAN = [
    'stratdoc: plan',
    'strategy: strategy.yaml',
    'period: 2027-01-01..2027-12-31',
    'entries:',
    ...Array.from({ length: 400 }, (_, i) => entry(i)),
    '  - date: 2027-04-01\n    channel: instagram\n    title: Ohne Ziel\n',
  ].join('\n');
  const S = 'file:///w/strategy.yaml';
  const P = 'file:///w/q1.plan.yaml';
  const fixesOf = (ws: Workspace) => JSON.stringify((ws.check('2027-02-15').get(P) ?? []).filter((f) => f.rule === 'entry-without-goal').map((f) => f.fixes));

  it("a fix after an edit of one entry writes the key the whole plan uses (the key style is the whole plan's)", () => {
    const server = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: true });
    server.set(S, STRATEGY);
    server.set(P, PLAN);
    const before = fixesOf(server);
    assert.match(before, /ziel: G1/, 'the first check writes the German key');
    // Typing in the last entry: the entry-scoped rules see a view with that entry alone.
    const edited = PLAN.replace('title: Ohne Ziel', 'title: Ohne Ziele');
    server.set(P, edited);
    server.memo!.rechecked = 0;
    const after = fixesOf(server);
    assert.ok(server.memo!.rechecked < 100, `only the edited entry is checked again, not 400 (${server.memo!.rechecked})`);
    const fresh = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: false });
    fresh.set(S, STRATEGY);
    fresh.set(P, edited);
    assert.equal(after, fixesOf(fresh));
    assert.match(after, /ziel: G1/);
  });

  it('two Workspaces share nothing: what one derived from a strategy is not seen by the other', () => {
    const a = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: true });
    const b = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: true });
    assert.notEqual(a.derived, b.derived);
    a.set(S, STRATEGY);
    a.set(P, PLAN);
    b.set(S, STRATEGY.replace('channels:\n  - { id: instagram, goals: [G1] }', 'channels:\n  - { id: instagram }'));
    b.set(P, PLAN);
    assert.match(fixesOf(a), /ziel: G1/);
    assert.equal(fixesOf(b), '[null]');
  });
});

describe("edits as ranges: the YAML reader takes the editor's range instead of comparing texts @slow", () => {
  const entry = (i: number) => `  - date: 2027-03-${String(10 + (i % 20)).padStart(2, '0')}\n    channel: instagram\n    title: Post ${i}\n    owner: "@lea"\n`;
  const PLAN = ['stratdoc: plan', 'period: 2027-01-01..2027-12-31', 'entries:', ...Array.from({ length: 400 }, (_, i) => entry(i))].join('\n');
  const U = 'file:///w/big.plan.yaml';
  const titles = (ws: Workspace) => ws.get(U)!.plan!.entries.map((e) => e.title?.value);

  it('reads an edit given as a range as a fresh reading reads the new text', () => {
    const ws = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: true });
    ws.set(U, PLAN);
    const at = PLAN.indexOf('title: Post 200') + 'title: Post 20'.length;
    const text = PLAN.slice(0, at) + '7' + PLAN.slice(at);
    ws.set(U, text, { edit: { before: PLAN, prefix: at, suffix: PLAN.length - at } });
    const fresh = new Workspace(new ConfigResolver({ readFile: () => undefined }));
    fresh.set(U, text);
    assert.deepEqual(titles(ws), titles(fresh));
    assert.equal(titles(ws)[200], 'Post 2070');
  });

  it('uses the range it is given (a range that lies keeps the stale entry: the test can fail)', () => {
    const ws = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: true });
    ws.set(U, PLAN);
    const at = PLAN.indexOf('title: Post 200') + 'title: Post 20'.length;
    const text = PLAN.slice(0, at) + '7' + PLAN.slice(at + 1);
    assert.equal(new Workspace(new ConfigResolver({ readFile: () => undefined })).set(U, text)!.plan!.entries[200].title?.value, 'Post 207');
    // Claims the change was at the very end: entry 200, same place and length, is taken from the last reading.
    ws.set(U, text, { edit: { before: PLAN, prefix: PLAN.length - 1, suffix: 0 } });
    assert.equal(titles(ws)[200], 'Post 200');
  });

  it('a range made to another text than the last reading is not used', () => {
    const ws = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: true });
    ws.set(U, PLAN);
    const at = PLAN.indexOf('title: Post 200') + 'title: Post 20'.length;
    const text = PLAN.slice(0, at) + '7' + PLAN.slice(at);
    ws.set(U, text, { edit: { before: PLAN + ' ', prefix: PLAN.length - 1, suffix: 0 } });
    assert.equal(titles(ws)[200], 'Post 2070');
  });
});
