/**
 * The configuration contract: every numeric rule option has a range in its rule's
 * metadata, in its docs page and in config.schema.json, and any .stratdoc.yaml gives
 * findings in words (never zod's "Invalid input", never a JavaScript error) with the
 * defaults for what was rejected.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../server/src/core/rules';
import { parseConfig, DEFAULT_MAX_FILE_SIZE } from '../../server/src/core/config';
import { allSchemas } from '../../server/src/core/schema';
import { repoRoot } from './harness';

const URI = 'file:///ws/.stratdoc.yaml';

describe('robustness: configuration', function () {
  this.timeout(60_000);

  it('every numeric option has a range, stated in the rule docs and in config.schema.json', () => {
    const schema = JSON.stringify(allSchemas(ALL_RULES.map((r) => r.meta))['config.schema.json']);
    for (const r of ALL_RULES) {
      for (const [k, v] of Object.entries(r.meta.options ?? {})) {
        if (typeof v !== 'number') continue;
        const range = r.meta.optionRanges?.[k];
        assert.ok(range, `${r.meta.id}.${k} has no range`);
        const doc = fs.readFileSync(path.join(repoRoot(), 'docs', 'rules', `${r.meta.id}.md`), 'utf8');
        const row = doc.split('\n').find((l) => l.startsWith(`| \`${k}\` |`));
        assert.ok(row && row.includes(`${range.min} to ${range.max}`), `docs/rules/${r.meta.id}.md states the range of ${k}: ${row}`);
        assert.match(doc.split('## Auf Deutsch')[1] ?? '', new RegExp(`${range.min} bis ${range.max}`), `the German part of ${r.meta.id}.md states it`);
        assert.ok(
          schema.includes(`"minimum":${range.min}`) && schema.includes(`"maximum":${range.max}`),
          `config.schema.json has the range of ${r.meta.id}.${k}`,
        );
      }
    }
  });

  it('hostile files give findings in words and the defaults, never a thrown error', () => {
    const cases: [string, RegExp][] = [
      [`${'a: &a [1]\n'}${Array.from({ length: 150 }, (_, i) => `k${i}: *a`).join('\n')}\n`, /aliases/],
      [`x: ${'['.repeat(10000)}${']'.repeat(10000)}\n`, /nested more than 64 levels/],
      [`${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`, /nested more than 64 levels/],
      ['- just\n- a list\n', /must be a map of settings/],
      ['maxFileSize: 0\n', /'maxFileSize' must be a size from 1 byte to 100 MB/],
      ['maxFileSize: 1e12\n', /'maxFileSize' must be a size/],
      ['maxFileSize: "12 parsecs"\n', /'maxFileSize' must be a size/],
      ['rules:\n  push-ratio: { max: .nan }\n', /'push-ratio\.max' must be from 0 to 1/],
      ['rules:\n  channel-gap: { maxGapDays: "viele" }\n', /'channel-gap\.maxGapDays' must be a number/],
      ['rules:\n  channel-gap: { maxGapDays: 1.5 }\n', /must be a whole number from 1 to 3660/],
      ['rules: 5\n', /'rules' must be a map from rule IDs/],
      ['rules:\n  stale-entry: [1]\n', /'rules\.stale-entry' must be a severity/],
      ['include: ["{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}"]\n', /more than 256 alternatives/],
      ['language: fr\n', /'language' must be 'de' or 'en'/],
      ['a: 1\na: 2\n', /a key appears twice/],
      [`${'x'.repeat(300)}: 1\n`, /there is no setting 'x{57}…'/],
    ];
    for (const [text, re] of cases) {
      const c = parseConfig(text, URI);
      const msgs = c.problems.map((p) => p.message.en);
      assert.ok(
        msgs.some((m) => re.test(m)),
        `${text.slice(0, 60)}: ${msgs.join(' | ')}`,
      );
      for (const p of c.problems) {
        assert.doesNotMatch(p.message.en + p.message.de, /Invalid input|Expected |received|Error:|call stack|undefined|\[object/);
        assert.notEqual(p.message.en, p.message.de, 'translated');
        assert.ok(p.range.start.line >= 0 && p.range.start.character >= 0);
      }
      assert.equal(c.maxFileSize, DEFAULT_MAX_FILE_SIZE);
    }
  });

  it('keeps what is valid next to what is not', () => {
    const c = parseConfig(
      'language: de\nmaxFileSize: 2 KB\ninclude: ["plaene/**/*.md"]\nrules:\n  push-ratio: { max: 2, minEntries: 5 }\n  kpi-not-smart: off\n  push-ratoi: off\n',
      URI,
    );
    assert.equal(c.language, 'de');
    assert.equal(c.maxFileSize, 2048);
    assert.deepEqual(c.include, ['plaene/**/*.md']);
    assert.deepEqual(c.rules.get('push-ratio'), { severity: undefined, options: { minEntries: 5 } });
    assert.equal(c.rules.get('kpi-not-smart')?.severity, 'off');
    assert.ok(!c.rules.has('push-ratoi'));
    assert.equal(c.problems.length, 2, c.problems.map((p) => p.message.en).join('\n'));
  });
});
