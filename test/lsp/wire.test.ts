/**
 * The bytes of a push of diagnostics made from pieces kept per finding (lsp/wire.ts): what
 * `JSON.stringify` of the same notification gives, byte for byte, after edits that keep,
 * add, remove and reorder findings, in either language, for open and closed documents.
 */
import * as assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/engine';
import { toDiagnostics } from '../../server/src/service/diagnostics';
import { DiagnosticsWire } from '../../server/src/lsp/wire';
import { t, type Lang } from '../../server/src/core/text';

const METHOD = 'textDocument/publishDiagnostics';

function finding(i: number, en: string, de = en): Finding {
  return {
    rule: i % 3 ? 'entry-without-owner' : 'push-ratio',
    uri: 'file:///p/2027.plan.md',
    range: { start: { line: i, character: 2 }, end: { line: i, character: 12 + (i % 7) } },
    message: t(en, de),
    severity: i % 4 ? 'warning' : 'information',
  };
}

/** What vscode-jsonrpc writes for the notification: its JSON, UTF-8. */
function plain(uri: string, version: number | undefined, findings: Finding[], lang: Lang): Buffer {
  return Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: METHOD, params: { uri, version, diagnostics: toDiagnostics(findings, lang) } }), 'utf8');
}

function send(wire: DiagnosticsWire, uri: string, version: number | undefined, findings: Finding[], lang: Lang, open = true): Buffer {
  return wire.encode({ jsonrpc: '2.0', method: METHOD, params: wire.params(uri, version, findings, lang, open) } as never, 'utf-8');
}

describe('server: the bytes of a push of diagnostics (lsp/wire.ts)', () => {
  const uri = 'file:///p/2027.plan.md';
  // Messages as rules write them: German letters, en dashes, quotes, a backslash, a line
  // break, a tab, an emoji, a lone surrogate (JSON.stringify escapes it).
  const texts = [
    'Kein Eintrag für 21 Tage – mehr als die erlaubten 14 Tage.',
    'The title says "Angebot" \\ and more',
    'Zeile eins\nZeile zwei\tmit Tab',
    'Launch 🚀 am 3. März',
    'broken \ud800 surrogate',
    'plain ASCII',
  ];
  const base = Array.from({ length: 40 }, (_, i) => finding(i, texts[i % texts.length], `${texts[(i + 1) % texts.length]} (de)`));

  it('gives what JSON.stringify gives, and converts only the findings made anew', () => {
    const wire = new DiagnosticsWire();
    assert.deepEqual(send(wire, uri, 1, base, 'de'), plain(uri, 1, base, 'de'));
    assert.equal(wire.made, base.length);
    // A keystroke: one finding replaced, one added, one gone; the rest the same objects.
    const next = [...base];
    next[5] = finding(5, 'Neu: ä ö ü ß');
    next.splice(20, 1);
    next.push(finding(99, 'added at the end'));
    assert.deepEqual(send(wire, uri, 2, next, 'de'), plain(uri, 2, next, 'de'));
    assert.equal(wire.made, 2);
    // Reordered (a line inserted above moves findings): the same pieces, in the new order.
    const moved = [...next].reverse();
    assert.deepEqual(send(wire, uri, 3, moved, 'de'), plain(uri, 3, moved, 'de'));
    assert.equal(wire.made, 0);
    // No findings, then some again.
    assert.deepEqual(send(wire, uri, 4, [], 'de'), plain(uri, 4, [], 'de'));
    assert.deepEqual(send(wire, uri, 5, base, 'de'), plain(uri, 5, base, 'de'));
    assert.equal(wire.made, base.length, 'pieces are kept for the last publish only');
  });

  it('makes all pieces again in another language, and omits a version that is not known', () => {
    const wire = new DiagnosticsWire();
    send(wire, uri, 1, base, 'de');
    assert.deepEqual(send(wire, uri, 2, base, 'en'), plain(uri, 2, base, 'en'));
    assert.equal(wire.made, base.length);
    const bytes = send(wire, uri, undefined, base, 'en');
    assert.deepEqual(bytes, plain(uri, undefined, base, 'en'));
    assert.doesNotMatch(bytes.toString('utf8'), /"version"/);
  });

  it('keeps no pieces for a document that is not open, and encodes other messages as JSON', () => {
    const wire = new DiagnosticsWire();
    send(wire, uri, 1, base, 'de');
    assert.deepEqual(send(wire, uri, undefined, base, 'de', false), plain(uri, undefined, base, 'de'));
    // Closed and published: its pieces are dropped, the next publish makes them all.
    send(wire, uri, 2, base, 'de');
    assert.equal(wire.made, base.length);
    const response = { jsonrpc: '2.0', id: 7, result: { kind: 'full', items: toDiagnostics(base, 'en') } };
    assert.deepEqual(wire.encode(response as never, 'utf-8'), Buffer.from(JSON.stringify(response), 'utf8'));
    // Params made by the wire read as plain params elsewhere (a trace, another transport).
    const params = wire.params(uri, 3, base, 'de', true);
    assert.deepEqual(JSON.parse(JSON.stringify(params)), JSON.parse(JSON.stringify({ uri, version: 3, diagnostics: toDiagnostics(base, 'de') })));
  });
});
