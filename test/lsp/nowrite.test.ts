/**
 * Nothing writes a user's file unless the user asked for exactly that. A workspace (the
 * examples, German and English, beside ordinary Markdown and YAML) is snapshotted file by
 * file (SHA-256 and mtime) before and after a session that does everything short of
 * applying an edit: the server checks it, documents are opened, edited in the editor and
 * closed unsaved, every code action and rename is offered and none applied, the preview
 * and the other requests are asked; then `stratdoc check` and `stratdoc report` (to a
 * file outside) run over it. Every file is as it was, and no file appeared.
 */
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApplyWorkspaceEditRequest, type CodeAction, type Diagnostic, type DocumentSymbol, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { REPO, TestClient } from './harness';
import { run, TODAY } from '../cli/harness';

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const st = fs.lstatSync(p);
      if (e.isDirectory()) {
        out.set(path.relative(dir, p) + '/', `dir ${st.mode}`);
        walk(p);
      } else out.set(path.relative(dir, p), `${crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex')} ${st.mtimeMs} ${st.size} ${st.mode}`);
    }
  };
  walk(dir);
  return out;
}

function flatSymbols(list: DocumentSymbol[]): DocumentSymbol[] {
  return list.flatMap((s) => [s, ...flatSymbols(s.children ?? [])]);
}

describe('server and CLI: a session of checks, reports, offered renames and fixes writes nothing', function () {
  this.timeout(5 * 60 * 1000);
  let c: TestClient | undefined;
  let root: string;
  let outside: string;
  afterEach(async () => {
    await c?.stop();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('leaves every file as it was', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-nowrite-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-nowrite-out-'));
    fs.cpSync(path.join(REPO, 'examples'), root, { recursive: true });
    fs.cpSync(path.join(REPO, 'test', 'fixtures', 'ordinary'), path.join(root, 'ordinary'), { recursive: true });
    // mtimes in the past, so that a rewrite with the same bytes would show too.
    const past = new Date('2026-01-01T10:00:00Z');
    for (const f of fs.readdirSync(root, { recursive: true }).map(String)) fs.utimesSync(path.join(root, f), past, past);
    const before = snapshot(root);

    c = await TestClient.start(root, { locale: 'de' });
    const applied: unknown[] = [];
    c.conn.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      applied.push(p);
      return { applied: false };
    });
    const docs = [...before.keys()].filter((f) => /(strategie\.md|strategy\.yaml|\.plan\.md|2027-q2\.(md|yaml)|2027-q1\.plan\.yaml)$/.test(f));
    assert.ok(docs.length >= 6, `documents: ${docs.join(', ')}`);
    const strategy = c.uri('autohaus-de/strategie.md');
    await c.until(
      () => (c!.diagnostics.get(c!.uri('autohaus-de/plaene/2027-q2.md')) ?? []).length > 0 || c!.diagnostics.has(strategy),
      'the first diagnostics',
    );

    let actions = 0;
    let renames = 0;
    for (const rel of docs) {
      const uri = await c.open(rel);
      const text = c.text(rel);
      // Typed in the editor, never saved: the server's text changes, the file does not.
      await c.change(rel, text.replace(/\n/, '\n\n'));
      await c.change(rel, text);
      await c.until(() => c!.diagnostics.has(uri), `diagnostics of ${rel}`);
      const diags: Diagnostic[] = c.diagnostics.get(uri) ?? [];
      for (const d of diags) {
        const list = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        actions += list.filter((a) => a.edit).length;
      }
      const symbols = flatSymbols(await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
      for (const s of symbols.slice(0, 40)) {
        const pos = s.selectionRange.start;
        await c.request('textDocument/hover', { textDocument: { uri }, position: pos });
        await c.request('textDocument/definition', { textDocument: { uri }, position: pos });
        await c.request('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } });
        await c.request('textDocument/completion', { textDocument: { uri }, position: pos });
        const prep = await c.request<unknown>('textDocument/prepareRename', { textDocument: { uri }, position: pos }).catch(() => null);
        if (!prep) continue;
        const edit = await c.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri }, position: pos, newName: 'NEU_1' }).catch(() => null);
        if (edit && (edit.changes || edit.documentChanges)) renames++;
      }
      await c.request('textDocument/codeLens', { textDocument: { uri } });
      await c.request('textDocument/documentLink', { textDocument: { uri } });
      await c.request('stratdoc/preview', { uri });
      await c.request('stratdoc/planStatus', { uri }).catch(() => null);
      await c.close(rel);
    }
    await c.request('workspace/symbol', { query: '' });
    assert.ok(actions > 0, 'code actions with edits were offered');
    assert.ok(renames > 0, 'renames were offered');
    assert.deepEqual(applied, [], 'the server never asked the editor to apply an edit');

    // The CLI over the same workspace: a check, every output format, and a report to a file outside.
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = run(['check', '--today', TODAY, '--format', format], { cwd: root });
      assert.ok(r.code === 0 || r.code === 1, `check --format ${format}: ${r.stderr}`);
      assert.ok(r.stdout.length > 0);
    }
    const report = path.join(outside, 'bericht.html');
    const r = run(['report', '.', '--out', report, '--today', TODAY], { cwd: root });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.statSync(report).size > 0, 'the report was written where asked');

    // The server ends as an editor ends it; then the files are compared.
    const exited = new Promise((resolve) => c!.proc.once('exit', resolve));
    await c.request('shutdown', null);
    await c.conn.sendNotification('exit');
    await exited;
    const after = snapshot(root);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no file appeared or vanished');
    for (const [f, v] of before) assert.equal(after.get(f), v, `${f} is unchanged (hash, mtime, size, mode)`);
  });
});
