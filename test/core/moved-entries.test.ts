/**
 * Enter and Backspace in a YAML plan move every entry after them by a line. The reader
 * copies those entries with their lines moved and notes each copy's original on the plan
 * (model.ts `PlanModel.moved`); the engine takes what the entry rules found in the
 * original, moved by as many lines, instead of checking the copies again, and the shapes
 * of the copies are their originals' (docs/performance.md "What an edit costs"). A new
 * row in a Markdown plan table moves the index of every entry after it: the Markdown
 * reader copies the entries of the chunks after it with their new index and notes them
 * the same way. Whatever the keystroke, the findings must be what a fresh check of the
 * same text finds, fixes included.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Session } from '../../server/src/lsp/session';
import { Workspace } from '../../server/src/core/workspace';
import { ConfigResolver } from '../../server/src/core/config';
import type { Finding } from '../../server/src/core/engine';
import { LineIndex } from '../../server/src/core/text';
import { generateCorpus } from '../bench/corpus';
import { rng } from '../helpers/rng';

const TODAY = '2027-02-15';

/** What a finding says, its fixes' edits included (a moved fix must edit the moved lines). */
const said = (f: Finding) => [f.rule, JSON.stringify(f.range), f.message.en, f.data, JSON.stringify(f.fixes?.map((x) => x.edits) ?? null)];

describe('entries a keystroke moved (a line added or removed, an entry made before them) keep what was found in them', function () {
  this.timeout(120000);
  let dir: string;
  let files: { uri: string; text: string }[];
  /** The plan typed into (the YAML plan, or the Markdown one). */
  let plan: { uri: string; text: string };
  let yamlPlan: { uri: string; text: string };
  let mdPlan: { uri: string; text: string };
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-moved-'));
    // The first organisation's plan is Markdown, the second's YAML.
    generateCorpus(dir, { strategies: 2, entries: 300, seed: 8 });
    files = (fs.readdirSync(dir, { recursive: true }) as string[])
      .map(String)
      .filter((f) => /\.(md|yaml)$/.test(f))
      .map((f) => ({ uri: pathToFileURL(path.join(dir, f)).href, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
    yamlPlan = files.find((f) => f.uri.endsWith('.plan.yaml'))!;
    mdPlan = files.find((f) => f.uri.endsWith('.plan.md'))!;
    assert.ok(yamlPlan && mdPlan, 'a YAML and a Markdown plan');
    plan = yamlPlan;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function opened(which = yamlPlan): Promise<{
    session: Session;
    type: (line: number, character: number, endLine: number, endCharacter: number, text: string) => void;
    text: () => string;
  }> {
    plan = which;
    const session = new Session({ publish: () => undefined, log: () => undefined });
    session.today = TODAY;
    session.roots = [pathToFileURL(dir).href];
    session.scan();
    await session.whenIndexed();
    let text = plan.text;
    session.didOpen(plan.uri, text, 1);
    await session.settled();
    let version = 1;
    return {
      session,
      text: () => text,
      type(line, character, endLine, endCharacter, inserted) {
        const li = new LineIndex(text);
        text = text.slice(0, li.offsetAt({ line, character })) + inserted + text.slice(li.offsetAt({ line: endLine, character: endCharacter }));
        session.didEdit(plan.uri, [{ range: { start: { line, character }, end: { line: endLine, character: endCharacter } }, text: inserted }], ++version);
        session.ws.memo!.rechecked = 0;
        session.flush();
      },
    };
  }

  /**
   * The session's findings equal a fresh check's of the same files with the plan's text as
   * typed: a new Workspace that reads in pieces too (where a keystroke leaves a syntax
   * error, reading whole may keep fewer entries: docs/decisions.md "Language server and
   * extension", reading in pieces).
   */
  function assertFresh(session: Session, text: string, where: string): void {
    const ref = new Workspace(new ConfigResolver({ readFile: () => undefined }), { cache: true });
    for (const f of files) ref.set(f.uri, f.uri === plan.uri ? text : f.text);
    const fresh = ref.check(TODAY);
    const got = session.ws.check(TODAY);
    for (const [uri, list] of fresh) assert.deepEqual((got.get(uri) ?? []).map(said), list.map(said), `${where}: ${path.basename(uri)}`);
  }

  it('Enter in the first entry checks only that entry again, and finds what a fresh check finds, fixes moved', async () => {
    const t = await opened();
    const lines = t.text().split('\n');
    const at = lines.findIndex((l) => /^\s+title:/.test(l));
    assert.ok(at > 0 && at < 20, 'a title line in the first entry');
    t.type(at, lines[at].length, at, lines[at].length, '\n    ');
    assert.ok(t.session.ws.memo!.rechecked <= 12, `rechecked ${t.session.ws.memo!.rechecked} entries (12 rules, one entry each)`);
    assertFresh(t.session, t.text(), 'after Enter');
    const withFixes = [...t.session.ws.check(TODAY).get(plan.uri)!].filter((f) => f.fixes?.length && f.range.start.line > at + 5);
    assert.ok(withFixes.length > 0, 'findings with fixes after the new line (a fix must move with its finding)');
    // Backspace: the line goes again, every entry after it moves back.
    t.type(at, lines[at].length, at + 1, 4, '');
    assert.ok(t.session.ws.memo!.rechecked <= 12, `rechecked ${t.session.ws.memo!.rechecked} entries after Backspace`);
    assert.equal(t.text(), plan.text);
    assertFresh(t.session, t.text(), 'after Backspace');
  });

  it('random Enter, Backspace, pasted lines and letters (fixed seed): each check finds what a fresh one finds', async () => {
    const t = await opened();
    const r = rng(81);
    for (let i = 0; i < 40; i++) {
      const li = new LineIndex(t.text());
      const line = 1 + Math.floor(r() * (li.lineCount - 2));
      const len = li.lineText(line).length;
      const k = r();
      let where: string;
      if (k < 0.35) {
        t.type(line, len, line, len, '\n    ');
        where = `Enter at the end of line ${line + 1}`;
      } else if (k < 0.6 && line > 1) {
        // Backspace at a line's start: it joins the line before.
        const prev = li.lineText(line - 1).length;
        t.type(line - 1, prev, line, 0, '');
        where = `Backspace at the start of line ${line + 1}`;
      } else if (k < 0.8) {
        t.type(line, 0, line, 0, '    # Notiz vom Team\n    # zweite Zeile\n');
        where = `two lines pasted before line ${line + 1}`;
      } else {
        const c = Math.floor(r() * (len + 1));
        t.type(line, c, line, c, 'x');
        where = `a letter in line ${line + 1} at ${c}: ${JSON.stringify(li.lineText(line))}`;
      }
      assertFresh(t.session, t.text(), `#${i} ${where}`);
    }
  });

  it('a new row in a Markdown plan table: the row made an entry checks that entry, the rows after it keep what was found, renumbered', async () => {
    const t = await opened(mdPlan);
    const r = rng(12);
    for (let round = 0; round < 4; round++) {
      const ls = t.text().split('\n');
      const rows = ls.flatMap((l, i) => (/^\| \d\d\.\d\d\.20\d\d/.test(l) ? [i] : []));
      assert.ok(rows.length > 100, 'table rows');
      // A row in the first half, so that many rows follow it.
      const at = rows[Math.floor((r() * rows.length) / 2)];
      let pos = { line: at, character: ls[at].length };
      for (const ch of '\n| 03.05.2') {
        t.type(pos.line, pos.character, pos.line, pos.character, ch);
        // At most the rows of the new row's slice (8 in the fine cut, ./markdown-chunks.ts) and the new row, for each of the 12 entry rules.
        if (ch === '0') assert.ok(t.session.ws.memo!.rechecked <= 12 * 9, `the first digit made one entry; rechecked ${t.session.ws.memo!.rechecked}`);
        assertFresh(t.session, t.text(), `round ${round}, ${JSON.stringify(ch)} typed after line ${at + 1}`);
        pos = ch === '\n' ? { line: pos.line + 1, character: 0 } : { line: pos.line, character: pos.character + 1 };
      }
    }
  });
});
