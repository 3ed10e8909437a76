/**
 * `node out/test/bench/open-memory.js [server.js]`: what one open 1 MB plan costs the
 * server in live heap (docs/performance.md "Memory per open document"). The 5,000-entry
 * YAML plan and the 1,000-entry Markdown plan of `npm run bench:lsp` are opened alone in an
 * empty workspace; the live heap (after full collections, the `stratdoc/memory` request of
 * a server started with --expose-gc) is read before the open, after its diagnostics, and
 * after 50 one-character edits.
 *
 * `--snapshot DIR` (after the server's path, or alone): the servers also write a heap
 * snapshot into DIR when empty and when holding the opened plan (`--heapsnapshot-signal`),
 * for `node out/test/bench/heapsum.js` to sum and compare.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node';
import { generateCorpus } from './corpus';
import { LineIndex } from '../../server/src/core/text';
import { rng } from '../helpers/rng';
import { repoRoot } from '../helpers/repo';
import { startServer } from '../helpers/lspclient';

const args = process.argv.slice(2);
const snapAt = args.indexOf('--snapshot');
const SNAPSHOTS = snapAt >= 0 ? path.resolve(args.splice(snapAt, 2)[1]) : undefined;
const SERVER = args[0] ?? path.join(repoRoot(), 'dist', 'server.js');

async function measure(file: string, languageId: string): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-openmem-'));
  const published = new Map<number, () => void>();
  const { proc, conn } = await startServer({
    cmd: [process.execPath, '--expose-gc', ...(SNAPSHOTS ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${SNAPSHOTS}`] : []), SERVER, '--stdio'],
    root,
    name: 'm',
    capabilities: {},
    initializationOptions: { today: '2027-02-15' },
    listen: (c) => c.onNotification(PublishDiagnosticsNotification.type, (p) => published.get(p.version ?? -1)?.()),
  });
  const heap = async () => (await conn.sendRequest<{ heapUsed: number }>('stratdoc/memory')).heapUsed / 1024 / 1024;
  // The signal is handled between messages; the next request's answer comes after the snapshot is written.
  const snapshot = async () => {
    if (!SNAPSHOTS) return;
    const count = () => fs.readdirSync(SNAPSHOTS).filter((f) => f.endsWith('.heapsnapshot')).length;
    const had = count();
    proc.kill('SIGUSR2');
    while (count() === had) await new Promise((r) => setTimeout(r, 50));
    await heap();
  };
  try {
    const empty = await heap();
    await snapshot();
    let text = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(path.join(root, path.basename(file))).href;
    const wait = (v: number) => new Promise<void>((r) => published.set(v, r));
    let w = wait(1);
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    await w;
    const opened = await heap();
    await snapshot();
    const r = rng(7);
    for (let v = 2; v <= 51; v++) {
      const li = new LineIndex(text);
      const line = Math.floor(r() * li.lineCount);
      const character = Math.floor(r() * (li.lineText(line).length + 1));
      const off = li.offsetAt({ line, character });
      text = text.slice(0, off) + 'k' + text.slice(off);
      w = wait(v);
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'k' }],
      });
      await w;
    }
    const edited = await heap();
    const kb = Math.round(Buffer.byteLength(text) / 1024);
    return `${path.basename(file)} (${kb} KB): open +${(opened - empty).toFixed(1)} MB, after 50 edits +${(edited - empty).toFixed(1)} MB (empty server ${empty.toFixed(1)} MB)`;
  } finally {
    await conn.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await conn.sendNotification(ExitNotification.type).catch(() => undefined);
    conn.dispose();
    proc.kill();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-openmem-corpus-'));
  try {
    generateCorpus(path.join(dir, 'y'), { strategies: 2, entries: 5000, seed: 5 });
    generateCorpus(path.join(dir, 'md'), { strategies: 1, entries: 1000, seed: 3 });
    const find = (d: string, re: RegExp) =>
      (fs.readdirSync(d, { recursive: true }) as string[])
        .map(String)
        .filter((f) => re.test(f))
        .map((f) => path.join(d, f))
        .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
    console.log(await measure(find(path.join(dir, 'y'), /\.plan\.yaml$/), 'yaml'));
    console.log(await measure(find(path.join(dir, 'md'), /\.plan\.md$/), 'markdown'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
