/**
 * The getting-started walkthrough (`contributes.walkthroughs`): its four steps in order,
 * their titles, descriptions and media localized through package.nls.json and
 * package.nls.de.json (the media path too: VS Code replaces a `%key%` anywhere in the
 * manifest, so the German display language gets media/walkthrough/*.de.md), every command
 * link and completion event naming a contributed command (or the one built-in, the
 * Problems panel), and every Markdown file and image it names present and shipped in the
 * .vsix (.vscodeignore and the STAGED list of scripts/package.js).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

const ROOT = path.resolve(__dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const json = <T>(f: string) => JSON.parse(read(f)) as T;

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
  completionEvents?: string[];
}
interface Walkthrough {
  id: string;
  title: string;
  description: string;
  steps: Step[];
}
interface Manifest {
  contributes: { commands: { command: string }[]; walkthroughs: Walkthrough[] };
}

const pkg = json<Manifest>('package.json');
const NLS = { en: json<Record<string, string>>('package.nls.json'), de: json<Record<string, string>>('package.nls.de.json') };
const LANGS = ['en', 'de'] as const;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { STAGED } = require('../scripts/package.js') as { STAGED: string[] };

/** Built-in commands a step may link to. */
const BUILTIN = new Set(['workbench.actions.view.problems']);
const contributed = new Set(pkg.contributes.commands.map((c) => c.command));

/** A manifest string as VS Code shows it in a language: `%key%` replaced from the nls file. */
function localize(value: string, lang: (typeof LANGS)[number]): string {
  const m = /^%(.+)%$/.exec(value);
  if (!m) return value;
  const s = NLS[lang][m[1]];
  assert.ok(s, `package.nls${lang === 'en' ? '' : '.de'}.json: ${m[1]}`);
  return s;
}

/** Whether the .vsix takes a file: staged by scripts/package.js and kept by .vscodeignore (`**`, then `!` patterns). */
function shipped(rel: string): boolean {
  const staged = STAGED.some((s) => rel === s || rel.startsWith(`${s}/`));
  const lines = read('.vscodeignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  assert.equal(lines[0], '**', '.vscodeignore leaves everything out first');
  const kept = lines.filter((l) => l.startsWith('!')).some((l) => picomatch(l.slice(1), { dot: true })(rel));
  return staged && kept;
}

/** The images a walkthrough Markdown file shows (`![alt](src)`, `src="…"`), relative to the project. */
function imagesOf(mdRel: string): string[] {
  const md = read(mdRel);
  const srcs = [...md.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g), ...md.matchAll(/\bsrc="([^"]+)"/g)].map((m) => m[1]);
  for (const s of srcs) assert.doesNotMatch(s, /^[a-z]+:/i, `${mdRel}: ${s} is a local file (the walkthrough is offline)`);
  return srcs.map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(mdRel), s)));
}

describe('the getting-started walkthrough', () => {
  const walkthroughs = pkg.contributes.walkthroughs;
  const w = walkthroughs?.[0];

  it('is contributed once, with a title and description in English and German', () => {
    assert.equal(walkthroughs.length, 1);
    assert.equal(w.id, 'gettingStarted');
    for (const lang of LANGS) {
      assert.match(localize(w.title, lang), /stratdoc/);
      assert.ok(localize(w.description, lang).length > 20);
    }
    assert.equal(localize(w.title, 'en'), 'Get started with stratdoc');
    assert.equal(localize(w.title, 'de'), 'Erste Schritte mit stratdoc');
  });

  it('has the four steps: strategy, plan, a diagnostic fixed, the preview', () => {
    assert.deepEqual(
      w.steps.map((s) => s.id),
      ['newStrategy', 'newPlan', 'fixDiagnostic', 'openPreview'],
    );
    for (const s of w.steps) {
      for (const key of [s.title, s.description, s.media.markdown!]) assert.match(key, /^%walkthrough\..+%$/, `${s.id}: localized through package.nls*.json`);
    }
  });

  it('links each step to its command, in both languages, and completes on it', () => {
    const expected: Record<string, { link: string; events: string[] }> = {
      newStrategy: { link: 'stratdoc.newStrategy', events: ['onCommand:stratdoc.newStrategy'] },
      newPlan: { link: 'stratdoc.newPlan', events: ['onCommand:stratdoc.newPlan'] },
      fixDiagnostic: { link: 'workbench.actions.view.problems', events: ['onView:workbench.panel.markers.view', 'onCommand:workbench.actions.view.problems'] },
      openPreview: { link: 'stratdoc.openPreviewToSide', events: ['onCommand:stratdoc.openPreviewToSide', 'onCommand:stratdoc.openPreview'] },
    };
    for (const s of w.steps) {
      assert.deepEqual(s.completionEvents, expected[s.id].events, s.id);
      for (const e of s.completionEvents ?? []) {
        const m = /^onCommand:(.+)$/.exec(e);
        if (m) assert.ok(contributed.has(m[1]) || BUILTIN.has(m[1]), `${s.id}: ${e} names a contributed command`);
        else assert.match(e, /^onView:workbench\.panel\.markers\.view$/, `${s.id}: ${e}`);
      }
      for (const lang of LANGS) {
        const text = localize(s.description, lang);
        const links = [...text.matchAll(/\]\(command:(toSide:)?([\w.-]+)(?:\?[^)]*)?\)/g)].map((m) => m[2]);
        // `command:toSide:` runs it with the walkthrough kept in view: a new file, the preview
        // open in the group beside it (while the walkthrough is wider than 950 px).
        if (s.id !== 'fixDiagnostic') assert.match(text, /\]\(command:toSide:/, `${s.id} (${lang}): beside the walkthrough`);
        assert.deepEqual(links, [expected[s.id].link], `${s.id} (${lang})`);
        for (const c of links) assert.ok(contributed.has(c) || BUILTIN.has(c), `${s.id} (${lang}): command:${c} is contributed`);
        // A link on a line of its own is shown as a button.
        assert.match(text, /\n\[[^\]]+\]\(command:[^)]+\)$/, `${s.id} (${lang}): the link is a button on the last line`);
      }
      assert.notEqual(localize(s.title, 'de'), localize(s.title, 'en'));
      assert.notEqual(localize(s.description, 'de'), localize(s.description, 'en'));
    }
  });

  it('the step (c) explains squiggles, the Problems panel and Ctrl+.', () => {
    const step = w.steps.find((s) => s.id === 'fixDiagnostic')!;
    assert.match(localize(step.description, 'en'), /Problems panel/);
    assert.match(localize(step.description, 'en'), /Ctrl\+\./);
    assert.match(localize(step.description, 'de'), /Strg\+\./);
    assert.match(localize(step.description, 'de'), /„Probleme“/);
  });

  it('names Markdown files that exist, one per language, and ship in the .vsix', () => {
    for (const s of w.steps) {
      const files = LANGS.map((lang) => localize(s.media.markdown!, lang));
      assert.match(files[0], /^media\/walkthrough\/[\w-]+\.md$/, s.id);
      assert.equal(files[1], files[0].replace(/\.md$/, '.de.md'), `${s.id}: the German file beside the English one`);
      for (const f of files) {
        assert.ok(fs.existsSync(path.join(ROOT, f)), `${f} exists`);
        assert.ok(shipped(f), `${f} is in the .vsix (.vscodeignore, STAGED in scripts/package.js)`);
        assert.match(read(f), /^# \S/, `${f} starts with a heading`);
      }
      assert.notEqual(read(files[1]), read(files[0]), `${s.id}: translated`);
    }
  });

  it('shows images that exist and ship in the .vsix, at least one', () => {
    const images = new Set<string>();
    for (const s of w.steps) {
      for (const lang of LANGS) {
        const md = localize(s.media.markdown!, lang);
        for (const img of imagesOf(md)) {
          assert.ok(!img.startsWith('..'), `${md}: ${img} is inside the extension`);
          assert.ok(fs.existsSync(path.join(ROOT, img)), `${md}: ${img} exists`);
          assert.ok(shipped(img), `${md}: ${img} is in the .vsix`);
          images.add(img);
        }
      }
    }
    assert.ok(images.size >= 1, 'an image or two');
    // Every file of media/walkthrough/ is named by a step (nothing ships for nothing).
    const named = new Set([...images, ...w.steps.flatMap((s) => LANGS.map((l) => localize(s.media.markdown!, l)))]);
    for (const f of fs.readdirSync(path.join(ROOT, 'media', 'walkthrough'))) assert.ok(named.has(`media/walkthrough/${f}`), `media/walkthrough/${f} is used`);
  });

  it('the new-document commands it links to are in the command palette', () => {
    for (const c of ['stratdoc.newStrategy', 'stratdoc.newPlan']) assert.ok(contributed.has(c), c);
    const menus = (pkg.contributes as unknown as { menus: { commandPalette: { command: string; when?: string }[] } }).menus;
    for (const c of ['stratdoc.newStrategy', 'stratdoc.newPlan'])
      assert.equal(menus.commandPalette.find((m) => m.command === c)?.when, undefined, `${c} has no when clause hiding it`);
  });
});
