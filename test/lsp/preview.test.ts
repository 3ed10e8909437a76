/**
 * The preview request `stratdoc/preview` over the protocol, against the real server: the
 * model and the HTML fragment the VS Code webview shows, agreeing with the published
 * diagnostics, following edits, saying plainly what is missing, and never letting document
 * text turn into markup.
 */
import * as assert from 'node:assert/strict';
import { TestClient, copyFixture } from './harness';
import type { PreviewModel } from '../../server/src/preview/types';
import { PREVIEW_REQUEST } from '../../server/src/service/preview';
import { contentSecurityPolicy, makeNonce, previewPage, unavailable } from '../../client/src/preview-page';

const S = 'strategie.md';
const Q1 = 'plaene/q1.plan.yaml';
const Q2 = 'plaene/q2.md';

interface Result {
  model: PreviewModel;
  html: string;
}

/** Every start tag of a fragment (text `<` is always escaped, so these are the real tags). */
function tags(html: string): string[] {
  return html.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

/** What must never be in the fragment, whatever the documents say. */
function assertInert(html: string): void {
  assert.doesNotMatch(html, /<script/i, 'no script element');
  assert.doesNotMatch(html, /<(iframe|object|embed|img|image|link|meta|style|form|base|foreignObject)\b/i, 'no element that loads or runs anything');
  for (const t of tags(html)) {
    // Attribute values are quoted and `"` inside them is escaped, so this leaves the names.
    const names = t.replace(/"[^"]*"/g, '""');
    assert.doesNotMatch(names, /'/, `every attribute value is double-quoted: ${t}`);
    assert.doesNotMatch(names, /\son[a-z]+\s*=/i, `no inline handler: ${t}`);
    assert.doesNotMatch(names, /\sstyle\s*=/i, `no style attribute: ${t}`);
    for (const m of t.matchAll(/\s(?:href|src|xlink:href|action|formaction)="([^"]*)"/gi)) assert.match(m[1], /^https?:\/\//, `links are http(s) only: ${t}`);
  }
}

describe('server: the preview request (stratdoc/preview)', function () {
  this.timeout(30000);
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(copyFixture('lsp/basic'));
    await c.until(() => [S, Q1, Q2].every((f) => c.diagnostics.has(c.uri(f))), 'the workspace was checked');
  });
  afterEach(async () => c?.stop());

  const preview = (rel: string) => c.request<Result>('stratdoc/preview', { uri: c.uri(rel) });

  it('is the request the extension sends', () => {
    assert.equal(PREVIEW_REQUEST, 'stratdoc/preview');
  });

  it('returns the eight steps with their states, and the HTML stepper', async () => {
    const { model, html } = await preview(S);
    assert.equal(model.version, 1);
    assert.equal(model.title, 'Social-Media-Strategie 2027');
    assert.equal(model.lang, 'de', 'the strategy is German');
    assert.equal(model.focusUri, c.uri(S));
    assert.deepEqual(
      model.steps.map((s) => [s.step, s.key, s.state]),
      [
        [1, 'team', 'complete'],
        [2, 'listening', 'complete'],
        [3, 'goals', 'complete'],
        [4, 'kpis', 'complete'],
        [5, 'audiences', 'complete'],
        [6, 'value', 'complete'],
        [7, 'faces', 'complete'],
        [8, 'channels', 'complete'],
      ],
    );
    assert.deepEqual(
      model.steps.map((s) => s.label),
      ['Team', 'Zuhören', 'Ziele', 'Kennzahlen', 'Zielgruppen', 'Mehrwert', 'Gesichter', 'Kanalplan'],
    );
    assert.equal(model.steps[2].holds, '2 Ziele · 1 primär');
    assert.equal(model.steps[2].loc?.range.start.line, 18, 'where "## 3. Ziele" is');
    assert.deepEqual(
      model.plans.map((p) => p.path),
      [Q1, Q2],
    );
    assert.deepEqual(model.missing, []);

    const stepper = /<ol class="sd-stepper">([\s\S]*?)<\/ol>/.exec(html);
    assert.ok(stepper, 'the stepper');
    assert.equal(stepper[1].match(/<li class="sd-step is-complete"/g)?.length, 8);
    assert.match(html, /^<div class="sd" lang="de" data-theme="vscode">/, 'VS Code theme variables');
    assert.match(
      html,
      /<button type="button" class="sd-step-name sd-link" data-action="reveal" data-uri="[^"]*strategie\.md" data-line="18" data-character="\d+">Ziele<\/button>/,
    );
    assertInert(html);
  });

  it('agrees with the published diagnostics, and a plan shows its whole project', async () => {
    const { model } = await preview(Q1);
    assert.equal(model.title, 'Social-Media-Strategie 2027', 'the strategy of the plan');
    assert.equal(model.focusUri, c.uri(Q1));
    const published = [S, Q1, Q2].flatMap((f) => c.diagnostics.get(c.uri(f)) ?? []);
    const inModel = model.findings.flatMap((g) => g.items.map((i) => `${g.rule}@${i.uri}:${i.range.start.line}`)).sort();
    const inEditor = [S, Q1, Q2].flatMap((f) => (c.diagnostics.get(c.uri(f)) ?? []).map((d) => `${d.code}@${c.uri(f)}:${d.range.start.line}`)).sort();
    assert.deepEqual(inModel, inEditor);
    const t = model.totals;
    assert.equal(t.errors + t.warnings + t.infos + t.hints, published.length);
    assert.equal(t.errors, 1, 'G9 in q1');
    // The messages are the diagnostics' own, in the same language.
    const g9 = model.findings.find((g) => g.rule === 'unknown-reference')!.items[0];
    assert.equal(g9.message, c.diagnostics.get(c.uri(Q1))!.find((d) => d.code === 'unknown-reference')!.message);
  });

  it('follows edits: a removed step is missing (with where to insert it), a placeholder step is thin', async () => {
    await c.open(S);
    const text = c.text(S);
    const edited = text
      .replace(/## 6\. Mehrwert\n[^\n]*\n\n/, '')
      .replace('Wir beobachten, was Pendler über E-Autos sagen, und vergleichen uns mit zwei Autohäusern der Region.', 'TODO');
    assert.notEqual(edited, text);
    await c.change(S, edited);
    const { model, html } = await preview(S);
    const byKey = new Map(model.steps.map((s) => [s.key, s]));
    assert.equal(byKey.get('value')!.state, 'missing');
    assert.equal(byKey.get('value')!.stateLabel, 'fehlt');
    assert.equal(byKey.get('listening')!.state, 'thin');
    const gesichter = edited.split('\n').findIndex((l) => l.startsWith('## 7. Gesichter'));
    assert.deepEqual(byKey.get('value')!.insert?.position, { line: gesichter, character: 0 }, 'before step 7, as the quick fix inserts it');
    assert.match(byKey.get('value')!.note!, /Mehrwert.*vor.*Gesichter/);
    assert.match(
      html,
      new RegExp(
        `<button type="button" class="sd-step-name sd-link" data-action="insert" data-section="value" data-uri="[^"]*strategie\\.md" data-line="${gesichter}" data-character="0">Mehrwert</button>`,
      ),
    );
    assert.match(html, /<li class="sd-step is-thin" data-key="listening"/);
    // The diagnostics say the same.
    await c.until(() => c.codes(c.uri(S)).includes('missing-step'), 'missing-step published');
    assert.ok(model.findings.some((g) => g.rule === 'missing-step'));
    assert.ok(model.findings.some((g) => g.rule === 'empty-step'));
  });

  it('says plainly what is missing: not a document, an empty file, no plans, no strategy', async () => {
    const none = await preview('nirgends.md');
    assert.equal(none.model.steps.length, 0);
    assert.match(none.model.missing[0], /weder eine Strategie noch ein Redaktionsplan/);
    assert.match(none.html, /class="sd-missing"/);
    assertInert(none.html);

    await c.open('leer.md', '');
    const empty = await preview('leer.md');
    assert.match(empty.model.missing[0], /weder eine Strategie noch ein Redaktionsplan/);

    await c.open('allein/strategie.strategy.md', '---\nstratdoc: strategy\ntitle: Ohne Pläne\nlanguage: de\n---\n# Ohne Pläne\n');
    const alone = await preview('allein/strategie.strategy.md');
    assert.equal(alone.model.title, 'Ohne Pläne');
    assert.equal(alone.model.steps.length, 8);
    assert.ok(alone.model.steps.every((s) => s.state === 'missing'));
    assert.ok(
      alone.model.missing.some((m) => /ist leer/.test(m)),
      'an empty strategy',
    );
    assert.ok(
      alone.model.missing.some((m) => /Kein Redaktionsplan/.test(m)),
      'no plan',
    );
    assert.doesNotMatch(alone.html, /sd-months/, 'no calendar');

    await c.open(
      'allein/weg.plan.yaml',
      'stratdoc: plan\nstrategy: ../gibt-es-nicht.md\nlanguage: de\nentries:\n  - date: 2027-02-01\n    channel: instagram\n    title: Hallo\n',
    );
    const orphan = await preview('allein/weg.plan.yaml');
    assert.equal(orphan.model.strategy, undefined);
    assert.ok(
      orphan.model.missing.some((m) => /Keine Strategie/.test(m)),
      orphan.model.missing.join('\n'),
    );
    assert.ok(orphan.model.steps.every((s) => s.state === 'missing'));
    assert.match(orphan.html, /sd-months/, 'the calendar of the plan alone');
  });

  it('turns no document text into markup: titles, headings, links, channels, owners', async () => {
    const evil = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '"><svg onload=alert(1)>',
      "' onmouseover='alert(1)",
      '`${alert(1)}`',
      '<a href="javascript:alert(1)">x</a>',
      '<style>body{display:none}</style>',
      '<iframe src="https://example.com"></iframe>',
    ];
    const q = (s: string) => JSON.stringify(s);
    await c.open(
      'boese/strategie.md',
      [
        '---',
        'stratdoc: strategy',
        `title: ${q(evil[0] + evil[1])}`,
        'language: en',
        '---',
        `# ${evil[1]}`,
        '',
        '## 1. Team',
        '| Person | Role | Department |',
        '|---|---|---|',
        `| @anna | ${evil[2]} | ${evil[3]} |`,
        '',
        '## 3. Goals',
        `### G1: ${evil[0]}`,
        '- Type: sales',
        '- Primary: yes',
        '- KPIs: K1',
        '',
        '## 4. KPIs',
        '| ID | KPI | Metric | Target | Baseline | Deadline | Source | Goal |',
        '|---|---|---|---|---|---|---|---|',
        `| K1 | ${evil[5]} | clicks | ${evil[4]} | 1 | 2027-06-30 | ${evil[6]} | G1 |`,
        '',
        `## 6. Value ${evil[7]}`,
        evil.join(' '),
        '',
      ].join('\n'),
    );
    const entries = evil.map((e, i) =>
      [
        `  - date: 2027-01-${String(i + 10).padStart(2, '0')}`,
        `    channel: ${q(e)}`,
        `    title: ${q(e)}`,
        `    goal: ${q(i % 2 ? 'G1' : e)}`,
        `    owner: ${q(e)}`,
        `    link: ${q([`https://example.com/${i}?a=1&b=2`, 'javascript:alert(1)', `https://example.com/?q="><script>alert(${i})</script>`][i % 3])}`,
        `    mode: ${q(i % 3 ? 'push' : e)}`,
      ].join('\n'),
    );
    await c.open(
      'boese/plan.plan.yaml',
      `stratdoc: plan\nstrategy: strategie.md\ntitle: ${q(evil.join(''))}\nperiod: 2027-01-01..2027-03-31\nentries:\n${entries.join('\n')}\n`,
    );
    for (const rel of ['boese/strategie.md', 'boese/plan.plan.yaml']) {
      const { model, html } = await preview(rel);
      assert.equal(model.plans.length, 1);
      assert.ok(model.calendar.months.length > 0, 'the entries are in the calendar');
      assertInert(html);
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the text is shown, escaped');
      assert.ok(!html.includes('href="javascript'), 'no javascript: link');
      // The only links are the http(s) ones (entry links and the rule pages), escaped.
      const links = tags(html).filter((x) => x.startsWith('<a '));
      assert.ok(
        links.some((t) => t.startsWith('<a href="https://example.com/0?a=1&amp;b=2"')),
        "an entry's https link",
      );
      for (const t of links) assert.match(t, /^<a href="https:\/\/[^"<>]*" rel="noopener noreferrer" target="_blank">$/, t);
    }
  });

  it('stays bounded: 5,000 entries over five years', async () => {
    const channels = ['instagram', 'linkedin', 'newsletter', 'blog', 'tiktok'];
    const modes = ['push', 'story', 'dialog', 'service', 'people'];
    const lines = ['stratdoc: plan', 'strategy: ../strategie.md', 'period: 2027-01-01..2031-12-31', 'entries:'];
    for (let i = 0; i < 5000; i++) {
      const d = new Date(Date.UTC(2027, 0, 1) + Math.floor((i * 1826) / 5000) * 86400000).toISOString().slice(0, 10);
      lines.push(
        `  - date: ${d}`,
        `    channel: ${channels[i % 5]}`,
        `    title: Beitrag ${i}`,
        `    mode: ${modes[i % 5]}`,
        '    goal: G1',
        '    owner: anna',
      );
    }
    await c.open('plaene/gross.plan.yaml', lines.join('\n') + '\n');
    // Bounded in size, not timed (speed is the bench's: npm run bench:lsp).
    const { model, html } = await preview('plaene/gross.plan.yaml');
    assert.equal(model.totals.entries, 5004, 'the plans of the project together');
    assert.ok(model.calendar.months.length <= 24);
    assert.ok(model.calendar.note, 'says which months are not shown');
    assert.ok(html.length < 3_000_000, `html of ${html.length} characters`);
    assertInert(html);
  });
});

describe('the preview webview page (client/src/preview-page.ts)', () => {
  it('has a strict CSP with a nonce, one script file and one style element, and the server fragment as is', async () => {
    const c = await TestClient.start(copyFixture('lsp/basic'));
    try {
      await c.until(() => c.diagnostics.has(c.uri(S)), 'the workspace was checked');
      const { model, html } = await c.request<Result>('stratdoc/preview', { uri: c.uri(S) });
      const nonce = makeNonce();
      assert.match(nonce, /^[A-Za-z0-9]{20,}$/);
      assert.notEqual(makeNonce(), nonce, 'a fresh nonce each time');
      const cspSource = "'self' https://*.vscode-cdn.net";
      const page = previewPage({
        cspSource,
        scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/preview-webview.js',
        nonce,
        body: html,
        uri: c.uri(S),
        seq: 3,
        lang: model.lang,
        title: 'Vorschau strategie.md',
      });
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
      assert.ok(csp);
      assert.equal(
        csp[1].replace(/&#39;/g, "'"),
        `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource} data:;`,
      );
      assert.equal(contentSecurityPolicy(cspSource, nonce), csp[1].replace(/&#39;/g, "'"));
      assert.deepEqual(page.match(/<script[^>]*>/g), [
        `<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/preview-webview.js">`,
      ]);
      assert.match(page, /<script[^>]*><\/script>\n<\/body>/, 'the script element is empty: no inline code');
      assert.deepEqual(page.match(/<style[^>]*>/g), [`<style nonce="${nonce}">`]);
      assert.ok(page.includes(`<main id="stratdoc-preview">${html}</main>`));
      assert.match(page, /<html lang="de">/);
      assert.match(page, /<body data-uri="file:\/\/[^"]*strategie\.md" data-seq="3">/);
      for (const t of tags(page.replace(/<script[^>]*>/, ''))) assert.doesNotMatch(t.replace(/"[^"]*"/g, '""'), /\son[a-z]+\s*=/i, t);
      // The content when the server gives none, escaped too.
      assert.equal(unavailable('<b>nicht da</b>'), '<div class="sd sd-unavailable" data-theme="vscode"><p>&lt;b&gt;nicht da&lt;/b&gt;</p></div>');
    } finally {
      await c.stop();
    }
  });
});
