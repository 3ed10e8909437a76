/**
 * The report in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
 * playwright-core. Each fixture workspace's report is written to a temporary file and
 * opened via file://; the stepper, the charts (bars and the limit line, measured as laid
 * out) and the calendar must be there with the right figures. Screenshots in light and
 * dark go to test-artifacts/preview/ (git-ignored). A report built from documents full of
 * injection attempts must run no script and make no request besides the file itself.
 *
 * Without Chromium the suite is skipped with the install step; under CI=true a missing
 * Chromium fails instead.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { EXAMPLES, FIXTURES, ROOT, build, type Built } from './util';
import { PREVIEW_CSS, renderPreviewBody, renderReport } from '../../server/src/preview/html';
import { toUri } from '../../server/src/core/uri';
import { CHROMIUM, launchChromium, type Chromium } from '../helpers/chromium';

// The callbacks below run in the page; the project compiles without the DOM library.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare function getComputedStyle(e: unknown): any;

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'preview');

describe('preview report in Chromium', function () {
  this.timeout(120_000);
  let browser: Chromium | undefined;
  let context: BrowserContext | undefined;
  let tmp = '';

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      const msg = `Chromium is not installed at ${CHROMIUM}: install it with 'apt-get install -y chromium' (Debian) to run the browser tests.`;
      if (process.env.CI === 'true') throw new Error(msg);
      console.warn(`      skipped: ${msg}`);
      this.skip();
    }
    browser = await launchChromium({ width: 1280, height: 900 });
    context = browser.context;
    tmp = browser.tmp;
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
  });

  /** Writes the report of a built workspace next to nothing else, in the temp folder; returns its file URL. */
  function writeReport(b: Built, name: string): string {
    const file = path.join(tmp, `${name}.html`);
    fs.writeFileSync(file, renderReport(b.models, { linkBase: toUri(path.resolve(b.dir)) + '/' }));
    return toUri(file);
  }

  interface Watch {
    page: Page;
    requests: string[];
    dialogs: string[];
    console: string[];
    errors: string[];
  }

  async function open(url: string, opts: { width?: number; scheme?: 'light' | 'dark' } = {}): Promise<Watch> {
    const page = await context!.newPage();
    const w: Watch = { page, requests: [], dialogs: [], console: [], errors: [] };
    page.on('request', (r) => w.requests.push(r.url()));
    page.on('dialog', (d) => {
      w.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m: ConsoleMessage) => w.console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => w.errors.push(String(e)));
    await page.setViewportSize({ width: opts.width ?? 1280, height: 900 });
    await page.emulateMedia({ colorScheme: opts.scheme ?? 'light' });
    await page.goto(url, { waitUntil: 'load' });
    return w;
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  /** Each bar's right edge against the limit line, as laid out. */
  async function bars(page: Page, scope: string): Promise<{ key: string; state: string; share: number; overLimit: boolean }[]> {
    return page.$$eval(`figure[data-scope="${scope}"] svg.sd-bars`, (svgs: any[]) => {
      const svg = svgs[0];
      const limit = svg.querySelector('line.sd-limit:not(.sd-limit-strong)');
      const lx = limit.getBBox().x;
      return [...svg.querySelectorAll('g.sd-row')].map((g: any) => {
        const bar = g.querySelector('rect.sd-bar');
        const bb = bar.getBBox();
        return {
          key: g.getAttribute('data-key') ?? '',
          state: (g.getAttribute('class') ?? '').replace(/.*is-/, ''),
          share: Number(g.getAttribute('data-share')),
          overLimit: bb.x + bb.width > lx + 0.5,
        };
      });
    });
  }

  it('German fixture: stepper, charts with the limit, calendar', async () => {
    const b = build(path.join(FIXTURES, 'de'), '2027-02-15');
    const w = await open(writeReport(b, 'de'));
    const { page } = w;
    try {
      assert.equal(await page.title(), 'Social-Media-Strategie 2027 – Autohaus Probe');
      // The stepper: 8 steps in order with their states, and the state in words too.
      const steps = await page.$$eval('ol.sd-stepper > li', (lis) =>
        lis.map((li) => [li.getAttribute('data-key'), li.getAttribute('data-state'), li.querySelector('.sd-state')!.textContent!.trim()]),
      );
      assert.deepEqual(steps, [
        ['team', 'complete', '✓ vollständig'],
        ['listening', 'thin', '◐ dünn'],
        ['goals', 'complete', '✓ vollständig'],
        ['kpis', 'complete', '✓ vollständig'],
        ['audiences', 'complete', '✓ vollständig'],
        ['value', 'missing', '○ fehlt'],
        ['faces', 'complete', '✓ vollständig'],
        ['channels', 'complete', '✓ vollständig'],
      ]);
      assert.equal(await page.textContent('li[data-key="goals"] .sd-holds'), '3 Ziele · 1 primär');
      assert.equal(await page.textContent('li[data-key="kpis"] .sd-holds'), '5 Kennzahlen · 3 SMART');
      assert.match((await page.textContent('li[data-key="value"] .sd-note')) ?? '', /'## 6\. Mehrwert' vor '7\. Gesichter' einfügen/);
      // A complete step links to its section, relative to the report.
      const href = await page.getAttribute('li[data-key="goals"] a.sd-step-name', 'href');
      assert.match(href ?? '', /strategie\.md#L21$/);
      // The steps are laid out in one row at this width.
      const tops = await page.$$eval('ol.sd-stepper > li .sd-dot', (els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      assert.equal(new Set(tops).size, 1);
      // Goals → KPIs.
      assert.deepEqual(await page.$$eval('article.sd-goal', (as) => as.map((a) => a.getAttribute('data-goal'))), ['Z1', 'Z2', 'Z3']);
      assert.deepEqual(
        await page.$$eval('article[data-goal="Z1"] li.sd-kpi', (ls) =>
          ls.map((l) => [l.getAttribute('data-kpi'), l.getAttribute('data-class'), l.getAttribute('data-smart')]),
        ),
        [
          ['K1', 'business', 'yes'],
          ['K2', 'business', 'no'],
        ],
      );
      // Charts: three, each with the limit line at 20 %, bars over it exactly where the share is.
      assert.equal(await page.locator('svg.sd-bars').count(), 3);
      assert.equal(await page.locator('svg.sd-bars line.sd-limit[data-limit="0.2"]').count(), 3);
      assert.equal(await page.locator('svg.sd-bars line.sd-limit-strong[data-limit="0.33"]').count(), 3);
      const channels = await bars(page, 'channel');
      assert.deepEqual(
        channels.map((c) => [c.key, c.state, c.overLimit]),
        [
          ['instagram', 'strong', true],
          ['facebook', 'few', false],
          ['newsletter', 'few', true],
        ],
      );
      const months = await bars(page, 'month');
      assert.deepEqual(
        months.map((c) => [c.key, c.state, c.overLimit, c.share]),
        [
          ['2027-01', 'few', false, 0.125],
          ['2027-02', 'few', false, 0],
          ['2027-03', 'strong', true, 0.65],
        ],
      );
      assert.ok((await page.getAttribute('figure[data-scope="plan"] svg', 'aria-label'))!.includes('31'));
      // The calendar: three months, 24 entries, flags, gaps, today.
      assert.deepEqual(await page.$$eval('table.sd-month caption', (cs) => cs.map((c) => c.textContent!.replace(/\s+/g, ' ').trim())), [
        'Januar 2027 · 8 Beiträge · 13 % Push',
        'Februar 2027 · 6 Beiträge · 0 % Push',
        'März 2027 · 10 Beiträge · 65 % Push',
      ]);
      assert.equal(await page.locator('table.sd-month th').count(), 21);
      assert.equal(await page.locator('table.sd-month li.sd-e').count(), 24);
      assert.equal(await page.locator('td[data-date="2027-03-29"] li.sd-e .sd-flag').count(), 1);
      assert.equal(await page.getAttribute('td[data-date="2027-03-29"] li.sd-e', 'data-mode'), 'push');
      assert.equal(await page.textContent('td[data-date="2027-03-29"] li.sd-e .sd-letter'), 'Pu');
      assert.equal(await page.getAttribute('td[data-date="2027-01-20"]', 'data-gap'), 'Newsletter');
      assert.match((await page.textContent('td[data-date="2027-01-09"] .sd-gaplabel')) ?? '', /Newsletter: 26 Tage ohne Beitrag/);
      assert.match((await page.getAttribute('td[data-date="2027-02-15"]', 'class')) ?? '', /is-today/);
      // Findings grouped by rule, linking to their place.
      assert.equal(await page.getAttribute('section[data-rule="channel-gap"]', 'data-count'), '3');
      assert.match((await page.getAttribute('section[data-rule="channel-gap"] a.sd-loc', 'href')) ?? '', /^\.\/plaene\/q1\.plan\.md#L\d+$/);
      // Nothing sticks out sideways.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
      assert.deepEqual(w.requests, [w.page.url()]);
      assert.deepEqual([w.errors, w.dialogs], [[], []]);
      await shoot(page, 'de-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, 'rgb(22, 24, 28)');
      await shoot(page, 'de-dark');
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
      await page.emulateMedia({ media: 'screen' });
      // Narrow screens: still no sideways scrolling.
      await page.setViewportSize({ width: 420, height: 900 });
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1));
      await shoot(page, 'de-narrow');
    } finally {
      await page.close();
    }
  });

  it('English fixture: configured limits, two plans, dark', async () => {
    const b = build(path.join(FIXTURES, 'en'), '2027-04-15');
    const w = await open(writeReport(b, 'en'), { scheme: 'dark' });
    const { page } = w;
    try {
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.deepEqual(await page.$$eval('ol.sd-stepper > li', (lis) => lis.map((li) => li.getAttribute('data-state'))), Array(8).fill('complete'));
      assert.equal(await page.locator('svg.sd-bars line.sd-limit[data-limit="0.25"]').count(), 3);
      assert.equal(await page.locator('svg.sd-bars line.sd-limit-strong[data-limit="0.4"]').count(), 3);
      const plans = await bars(page, 'plan');
      assert.deepEqual(
        plans.map((p) => [p.state, p.overLimit]),
        [
          ['over', true],
          ['ok', false],
        ],
      );
      assert.equal(await page.locator('table.sd-month').count(), 2);
      assert.equal(await page.locator('table.sd-month li.sd-e').count(), 14);
      assert.equal(await page.getAttribute('td[data-date="2027-04-20"]', 'data-gap'), 'linkedin');
      assert.match((await page.textContent('.sd-tiles')) ?? '', /8\/8\s*steps complete/);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(22, 24, 28)');
      assert.deepEqual(w.requests, [page.url()]);
      await shoot(page, 'en-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await shoot(page, 'en-light');
    } finally {
      await page.close();
    }
  });

  it('the sample workspaces of examples/ render', async function () {
    const dirs = ['autohaus-de', 'bakery-en'].filter((d) => fs.existsSync(path.join(EXAMPLES, d)));
    if (!dirs.length) this.skip();
    for (const d of dirs) {
      const b = build(path.join(EXAMPLES, d), '2027-02-15');
      const w = await open(writeReport(b, d));
      try {
        assert.equal(await w.page.locator('ol.sd-stepper > li').count(), 8);
        assert.equal(await w.page.locator('table.sd-month').count(), b.model.calendar.months.length);
        assert.deepEqual(w.requests, [w.page.url()]);
        assert.deepEqual(w.errors, []);
        await shoot(w.page, `${d}-light`);
      } finally {
        await w.page.close();
      }
    }
  });

  it('a report full of injection attempts runs no script and requests nothing', async () => {
    const b = build(path.join(FIXTURES, 'evil'), '2027-01-10');
    const url = writeReport(b, 'evil');
    const w = await open(url);
    const { page } = w;
    try {
      // Give a meta refresh, an onerror or an autofocus time to act, and hover and tab over everything.
      for (const el of await page.$$('.sd-e, .sd-step, .sd-kpi, .sd-goal-title, .sd-finding')) await el.hover().catch(() => undefined);
      for (let i = 0; i < 30; i++) await page.keyboard.press('Tab');
      await page.waitForTimeout(600);
      assert.equal(page.url(), url, 'the page did not navigate');
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.deepEqual(w.dialogs, []);
      assert.deepEqual(w.errors, []);
      assert.deepEqual(w.console, [], 'nothing was blocked or logged: nothing even tried');
      assert.deepEqual(w.requests, [url]);
      // No element the documents tried to inject exists.
      const injected = await page.evaluate(
        () =>
          document.querySelectorAll(
            'script, iframe, object, embed, img, link, base, foreignObject, meta[http-equiv="refresh"], [onerror], [onload], [onmouseover], [onfocus], [style]',
          ).length,
      );
      assert.equal(injected, 0);
      // The attempts are visible as text, and the page still shows itself.
      assert.match((await page.textContent('td[data-date="2027-01-04"] .sd-e-title')) ?? '', /<script>window\.__pwned=1;alert\('x'\)<\/script>/);
      assert.ok(await page.isVisible('ol.sd-stepper'));
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block');
      assert.equal(await page.evaluate(() => document.styleSheets.length), 1);
      // Links: only the one http(s) link of an entry, plus rule pages and relative file links.
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
      assert.ok(
        hrefs.every((h) => /^(\.\/|\.\.\/|#|https:\/\/github\.com\/stratdoc\/|https:\/\/evil\.example\/ok\?utm_source=x$)/.test(h)),
        hrefs.join('\n'),
      );
      await shoot(page, 'evil');
    } finally {
      await page.close();
    }
  });

  it('the webview fragment works under a CSP without inline styles or scripts', async () => {
    const b = build(path.join(FIXTURES, 'evil'), '2027-01-10');
    const nonce = 'n0nce';
    const file = path.join(tmp, 'webview.html');
    fs.writeFileSync(
      file,
      `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'">
<style nonce="${nonce}">${PREVIEW_CSS}</style></head><body>${renderPreviewBody(b.model, { theme: 'light' })}</body></html>`,
    );
    const url = toUri(file);
    const w = await open(url);
    try {
      for (const el of await w.page.$$('.sd-e, .sd-step')) await el.hover().catch(() => undefined);
      await w.page.waitForTimeout(300);
      assert.deepEqual(w.console, [], 'no CSP violation: nothing needs inline style or script');
      assert.deepEqual(w.requests, [url]);
      assert.equal(await w.page.evaluate(() => window.__pwned), undefined);
      assert.ok((await w.page.locator('button[data-action="reveal"]').count()) > 10);
      const dot = await w.page.$eval('li[data-key="team"] .sd-dot', (e) => getComputedStyle(e).borderRadius);
      assert.equal(dot, '50%', 'the stylesheet applies');
      await shoot(w.page, 'webview-fragment');
    } finally {
      await w.page.close();
    }
  });
});
