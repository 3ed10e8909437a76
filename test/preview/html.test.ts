/**
 * The HTML of the report and the webview fragment (server/src/preview/html.ts), as text:
 * structure, relative links, and that untrusted document text can never become markup,
 * script, a request or CSS. The browser test (browser.test.ts) checks the same in Chromium.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, build } from './util';
import { PREVIEW_CSS, esc, renderPreviewBody, renderReport } from '../../server/src/preview/html';
import { safeHttpUrl } from '../../server/src/preview/model';
import { toUri } from '../../server/src/core/uri';

/** Every start tag of a piece of HTML, with its attributes, outside of the inline style sheet. */
function tags(html: string): string[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '');
  return body.match(/<[a-zA-Z][^>]*>/g) ?? [];
}

const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'div',
  'article',
  'header',
  'nav',
  'section',
  'p',
  'span',
  'strong',
  'code',
  'abbr',
  'ol',
  'ul',
  'li',
  'a',
  'button',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'figcaption',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'svg',
  'g',
  'rect',
  'line',
  'text',
  'tspan',
]);

function assertSafe(html: string): void {
  for (const tag of tags(html)) {
    // Attribute values are double-quoted with every quote inside escaped: look at what is outside them.
    const t = tag.replace(/"[^"]*"/g, '""');
    const name = /^<([a-zA-Z][a-zA-Z0-9]*)/.exec(t)![1].toLowerCase();
    assert.ok(ALLOWED_TAGS.has(name), `unexpected tag ${t}`);
    assert.doesNotMatch(t, /\son[a-z]+\s*=/i, `event handler in ${t}`);
    assert.doesNotMatch(t, /\sstyle\s*=/i, `style attribute in ${t}`);
    assert.doesNotMatch(t, /\s(?:src|srcset|xlink:href|formaction|action|background|poster|data)\s*=/i, `loading attribute in ${t}`);
    const href = /\shref="([^"]*)"/.exec(tag)?.[1];
    if (href !== undefined) assert.match(href, /^(?:https?:\/\/|\.\.?\/|#)/, `href ${href}`);
    if (name === 'meta') assert.match(tag, /charset|Content-Security-Policy|referrer|viewport|color-scheme|generator/);
  }
  // No text that could close the style sheet or open a script anywhere.
  assert.equal((html.match(/<\/style>/g) ?? []).length, html.includes('<style>') ? 1 : 0);
  assert.doesNotMatch(html, /<script|<iframe|<object|<embed|<img|<link|<base|<foreignObject|<meta http-equiv="refresh"/i);
}

describe('preview HTML', () => {
  const de = build(path.join(FIXTURES, 'de'), '2027-02-15');
  const en = build(path.join(FIXTURES, 'en'), '2027-04-15');
  const evil = build(path.join(FIXTURES, 'evil'), '2027-01-10');
  const base = (dir: string) => toUri(path.resolve(dir)) + '/';

  it('esc escapes text and attribute values alike', () => {
    assert.equal(esc(`<a href="x" onclick='y'>&\`</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    assert.equal(esc(undefined), '');
    assert.equal(esc('a\u0000b\u0007c'), 'abc');
  });

  it('only http(s) URLs are links', () => {
    assert.equal(safeHttpUrl('https://a.example/x?utm_source=y'), 'https://a.example/x?utm_source=y');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      'data:text/html,x',
      '//evil.example/x',
      'vbscript:x',
      'https://a.example/"><script>',
      'ftp://a.example',
      ' java\tscript:x',
    ]) {
      assert.equal(safeHttpUrl(bad), undefined, bad);
    }
  });

  it('the report is one self-contained document with a strict CSP', () => {
    const html = renderReport(de.models, { linkBase: base(de.dir) });
    assert.match(html, /^<!DOCTYPE html>\n<html lang="de">/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
    assert.ok(html.includes('@media print'));
    assert.ok(html.includes('prefers-color-scheme: dark'));
    assert.doesNotMatch(html, /<script|@import|@font-face|url\(/i);
    assertSafe(html);
  });

  it('shows the stepper, the charts with the limit and the calendar', () => {
    const html = renderReport(de.models, { linkBase: base(de.dir) });
    const steps = html.match(/<li class="sd-step is-(complete|thin|missing)" data-key="[a-z]+" data-state="\1">/g) ?? [];
    assert.equal(steps.length, 12); // 8 steps + 4 other sections
    assert.equal((html.match(/<ol class="sd-stepper">/g) ?? []).length, 1);
    assert.equal((html.match(/<svg class="sd-bars"/g) ?? []).length, 3);
    assert.equal((html.match(/<line class="sd-limit" [^>]*data-limit="0.2"/g) ?? []).length, 3);
    assert.equal((html.match(/<table class="sd-month"/g) ?? []).length, 3);
    assert.ok(html.includes('data-month="2027-03" data-entries="10"'));
    assert.ok(html.includes('<caption>März 2027'));
  });

  it('links places relative to the report and keeps data-uri/data-line for the editor', () => {
    const html = renderReport(de.models, { linkBase: base(de.dir) });
    assert.match(
      html,
      /<a class="sd-loc" href="\.\/plaene\/q1\.plan\.md#L\d+" data-uri="file:[^"]+q1\.plan\.md" data-line="\d+" data-character="\d+">plaene\/q1\.plan\.md:\d+<\/a>/,
    );
    // A report in a sub folder links up.
    const sub = renderReport(de.models, { linkBase: base(de.dir) + 'out/report/' });
    assert.ok(sub.includes('href="../../strategie.md#L'));
    // Without a base, places are text.
    const plain = renderReport(de.models);
    assert.doesNotMatch(plain, /<a class="sd-loc"/);
    assert.match(plain, /<span class="sd-loc" data-uri="file:[^"]+" data-line="\d+" data-character="\d+">plaene\/q1\.plan\.md:\d+<\/span>/);
    // Files that do not exist are not linked.
    const none = renderReport(de.models, { linkBase: base(de.dir), exists: () => false });
    assert.doesNotMatch(none, /<a class="sd-loc"/);
  });

  it('the webview fragment has reveal and insert buttons and no script, handler or style attribute', () => {
    const body = renderPreviewBody(de.model);
    assert.match(body, /^<div class="sd" lang="de">/);
    assert.doesNotMatch(body, /<html|<head[\s>]|<style/);
    assert.match(body, /<button type="button" class="sd-loc sd-link" data-action="reveal" data-uri="file:[^"]+" data-line="\d+" data-character="\d+">/);
    assert.match(
      body,
      /<button type="button" class="sd-step-name sd-link" data-action="insert" data-section="value" data-uri="file:[^"]+strategie\.md" data-line="53" data-character="0">Mehrwert<\/button>/,
    );
    assertSafe(body);
    assert.match(renderPreviewBody(de.model, { theme: 'dark' }), /^<div class="sd" lang="de" data-theme="dark">/);
    // An unknown theme is ignored, not written.
    assert.match(renderPreviewBody(de.model, { theme: '"><script>' as never }), /^<div class="sd" lang="de">/);
    assert.ok(PREVIEW_CSS.includes('[data-theme="vscode"]'));
  });

  it('several models make one report with contents', () => {
    const html = renderReport([de.model, en.model], { lang: 'en' });
    assert.match(html, /<nav class="sd-toc" aria-label="Contents"><ol><li><a href="#sd1">Social-Media-Strategie 2027/);
    assert.ok(html.includes('<article class="sd-project" lang="de" id="sd1">'));
    assert.ok(html.includes('<article class="sd-project" lang="en" id="sd2">'));
    assert.equal((html.match(/<h1/g) ?? []).length, 1);
    assertSafe(html);
  });

  it('an empty list of models is still a document', () => {
    const html = renderReport([]);
    assert.match(html, /No strategy and no editorial plan found/);
    assertSafe(html);
  });

  it('document text full of injection attempts stays text', () => {
    const html = renderReport(evil.models, { linkBase: base(evil.dir) });
    assertSafe(html);
    const body = renderPreviewBody(evil.model);
    assertSafe(body);
    // The attempts are there, as text.
    assert.ok(html.includes('&lt;script&gt;window.__pwned=1;alert(&#39;x&#39;)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;/style&gt;&lt;style&gt;body{background:url(https://evil.example/bg.png)}&lt;/style&gt;'));
    assert.ok(html.includes('&quot; onmouseover=&quot;window.__pwned=1&quot; data-x=&quot;'));
    // Only the http(s) links of entries became links.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).filter((h) => !h.startsWith('./') && !h.startsWith('#') && !h.startsWith('../'));
    assert.ok(
      hrefs.every((h) => /^https:\/\/(evil\.example\/ok\?utm_source=x|github\.com\/stratdoc\/)/.test(h)),
      hrefs.join('\n'),
    );
    assert.ok(hrefs.includes('https://evil.example/ok?utm_source=x'));
  });
});
