/**
 * The parts of the extension manifest (package.json) and its translations
 * (package.nls.json, package.nls.de.json) that come from the rule catalog: the JSON
 * schema of the `stratdoc.rules` setting with every rule ID and its options, and one
 * localized description per rule. `npm run sync:manifest` writes them;
 * test/manifest.test.ts fails when they drift from server/src/core/rules.
 */
import type { RuleMeta } from '../server/src/core/rules/api';
import { SEVERITIES } from '../server/src/core/schema';

export const RULES_SETTING = 'stratdoc.rules';

export function ruleNlsKey(id: string): string {
  return `config.rules.${id}`;
}

const SEVERITY_SCHEMA = { type: 'string', enum: [...SEVERITIES] };

/** What any rule accepts: a severity, true/false, or an object with a severity (and options). */
function anyRuleSetting(): Record<string, unknown> {
  return {
    anyOf: [
      SEVERITY_SCHEMA,
      { type: 'boolean' },
      {
        type: 'object',
        properties: { severity: { ...SEVERITY_SCHEMA, markdownDescription: '%config.rules.severity%' } },
        additionalProperties: { type: ['number', 'string', 'boolean'] },
      },
    ],
  };
}

/** One option: its type and default, and for a number its range (RuleMeta.optionRanges). */
function optionSchema(r: RuleMeta, k: string, v: unknown): Record<string, unknown> {
  const range = r.optionRanges?.[k];
  if (typeof v !== 'number' || !range) return { type: typeof v, default: v };
  return { type: range.integer ? 'integer' : 'number', default: v, minimum: range.min, maximum: range.max };
}

/** One rule's entry: its description, and for a rule with options their names, types and defaults. */
function ruleSetting(r: RuleMeta): Record<string, unknown> {
  const out: Record<string, unknown> = { markdownDescription: `%${ruleNlsKey(r.id)}%` };
  const opts = Object.entries(r.options ?? {});
  if (opts.length) {
    out.anyOf = [
      SEVERITY_SCHEMA,
      { type: 'boolean' },
      {
        type: 'object',
        properties: { severity: SEVERITY_SCHEMA, ...Object.fromEntries(opts.map(([k, v]) => [k, optionSchema(r, k, v)])) },
        additionalProperties: false,
      },
    ];
  }
  return out;
}

/**
 * The `stratdoc.rules` entry of `contributes.configuration.properties`: every rule ID
 * (others are flagged), each described; the value's shape comes from `patternProperties`,
 * which applies to every key, so that the manifest stays short.
 */
export function rulesSettingSchema(rules: RuleMeta[]): Record<string, unknown> {
  return {
    type: 'object',
    default: {},
    markdownDescription: '%config.rules%',
    properties: Object.fromEntries(rules.map((r) => [r.id, ruleSetting(r)])),
    patternProperties: { '': anyRuleSetting() },
    additionalProperties: false,
  };
}

/** The nls entries of the rules, for one language. */
export function ruleNls(rules: RuleMeta[], lang: 'en' | 'de'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    const sev = lang === 'de' ? { error: 'Fehler', warning: 'Warnung', information: 'Information', hint: 'Hinweis' }[r.severity] : r.severity;
    const opts = Object.entries(r.options ?? {})
      .map(([k, v]) => `\`${k}\`: ${v}`)
      .join(', ');
    out[ruleNlsKey(r.id)] =
      lang === 'de'
        ? `**${r.id}** (${sev}${opts ? `; ${opts}` : ''}): ${r.description.de}`
        : `**${r.id}** (${sev}${opts ? `; ${opts}` : ''}): ${r.description.en}`;
  }
  return out;
}
