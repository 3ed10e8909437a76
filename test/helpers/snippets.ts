/**
 * The extension's snippets (snippets/*.json) and their expansion as VS Code does it with
 * every default accepted; shared by test/snippets.test.ts and test/newfiles.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

export function loadSnippets(file: string): Record<string, Snippet> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', file), 'utf8')) as Record<string, Snippet>;
}

export const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2027', CURRENT_MONTH: '01', CURRENT_DATE: '12', CURRENT_YEAR_SHORT: '27' };

/**
 * Expands a snippet body as VS Code would with every default accepted: `${n:default}` is
 * its default, a choice its first option, a mirror (`$n`, `${n}`) the default its tab stop
 * has elsewhere, `$0` nothing, variables the values above.
 */
export function expandSnippet(body: string | string[], variables: Record<string, string> = VARIABLES): string {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  const mirrors: { index: string; marker: string }[] = [];
  let counter = 0;

  function parse(i: number, stopAt: string | undefined): [string, number] {
    let out = '';
    while (i < src.length) {
      const c = src[i];
      if (stopAt && c === stopAt) return [out, i];
      if (c === '\\' && i + 1 < src.length && '$}\\,|'.includes(src[i + 1])) {
        out += src[i + 1];
        i += 2;
        continue;
      }
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      let m = /^\$(\d+)/.exec(src.slice(i));
      if (m) {
        out += mirror(m[1]);
        i += m[0].length;
        continue;
      }
      m = /^\$([A-Z_][A-Z0-9_]*)/.exec(src.slice(i));
      if (m) {
        out += variable(m[1]);
        i += m[0].length;
        continue;
      }
      m = /^\$\{(\d+)\}/.exec(src.slice(i));
      if (m) {
        out += mirror(m[1]);
        i += m[0].length;
        continue;
      }
      m = /^\$\{(\d+)\|/.exec(src.slice(i));
      if (m) {
        const end = src.indexOf('|}', i + m[0].length);
        assert.ok(end > 0, `unclosed choice at ${i}`);
        const first = src
          .slice(i + m[0].length, end)
          .split(/(?<!\\),/)[0]
          .replace(/\\(.)/g, '$1');
        if (!defaults.has(m[1])) defaults.set(m[1], first);
        out += first;
        i = end + 2;
        continue;
      }
      m = /^\$\{(\d+):/.exec(src.slice(i));
      if (m) {
        const [inner, end] = parse(i + m[0].length, '}');
        assert.equal(src[end], '}', `unclosed placeholder \${${m[1]}:… at ${i}`);
        if (!defaults.has(m[1])) defaults.set(m[1], inner);
        out += inner;
        i = end + 1;
        continue;
      }
      m = /^\$\{([A-Z_][A-Z0-9_]*)(?::|\})/.exec(src.slice(i));
      if (m) {
        if (m[0].endsWith('}')) {
          out += variable(m[1]);
          i += m[0].length;
        } else {
          const [inner, end] = parse(i + m[0].length, '}');
          out += variables[m[1]] ?? inner;
          i = end + 1;
        }
        continue;
      }
      assert.fail(`unexpected '$' at ${i}: ${src.slice(i, i + 20)}`);
    }
    return [out, i];
  }
  function mirror(index: string): string {
    if (index === '0') return '';
    const marker = `\u0000${counter++}\u0000`;
    mirrors.push({ index, marker });
    return marker;
  }
  function variable(name: string): string {
    assert.ok(name in variables, `unknown snippet variable ${name}`);
    return variables[name];
  }

  let [text] = parse(0, undefined);
  // Mirrors may stand before their placeholder, or inside another's default: resolve last.
  for (let round = 0; round < 5 && text.includes('\u0000'); round++) {
    for (const m of mirrors) {
      assert.ok(defaults.has(m.index), `tab stop $${m.index} has no default anywhere`);
      text = text.split(m.marker).join(defaults.get(m.index));
    }
  }
  assert.ok(!text.includes('\u0000'));
  return text;
}
