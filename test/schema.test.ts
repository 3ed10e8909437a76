/**
 * The JSON Schemas the build writes to dist/schemas/ (server/src/core/schema.ts through
 * scripts/gen-schemas.ts), which the extension contributes to the YAML extension with
 * `yamlValidation`: they are valid draft-07 schemas, every YAML document of FORMAT.md,
 * the fixtures and the examples validates, and plain mistakes do not.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse, parseDocument } from 'yaml';
import { allSchemas, enumValues, keysOf } from '../server/src/core/schema';
import { ALL_RULES } from '../server/src/core/rules';
import { MODES, STATUSES, modeOf, statusOf } from '../server/src/core/vocab';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist', 'schemas');

function load(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(DIST, name), 'utf8')) as Record<string, unknown>;
}

function validator(name: string) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(load(name));
  return (doc: unknown): string[] => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

const FORMAT_STRATEGY = `
stratdoc: strategy
title: Social media strategy 2027
team:
  - { id: "@anna", role: Social media lead, department: Marketing }
goals:
  - { id: G1, title: More test drives, type: conversion, primary: true, kpis: [K1] }
kpis:
  - { id: K1, title: Test-drive requests from social, metric: conversions, target: 40/month, baseline: 12/month, deadline: 2027-06-30, source: CRM, goal: G1 }
channels:
  - { id: instagram, why: Commuters 30-50, how: 3 reels a week, resources: ["@anna"], goals: [G1] }
listening: …
`;

const FORMAT_PLAN = `
stratdoc: plan
strategy: ../strategie.md
period: 2027-01-01..2027-03-31
entries:
  - date: 2027-01-12
    channel: instagram
    format: reel
    title: Ein Tag mit unserer E-Mobilitäts-Beraterin
    mode: people
    goal: G1
    owner: anna
    reviewer: dirk
    status: planned
    link: https://autohaus.example/probefahrt?utm_source=instagram&utm_campaign=emob
`;

const FORMAT_CONFIG = `
language: de
include: ["strategie/**/*.md", "plaene/**/*.yaml"]
rules:
  push-ratio: { severity: warning, max: 0.2, strongMax: 0.33, minEntries: 10 }
  kpi-not-smart: off
`;

/** Every YAML strategy or plan under a folder, with its kind from marker or name. */
function yamlDocuments(dir: string): { file: string; kind: 'strategy' | 'plan' }[] {
  const out: { file: string; kind: 'strategy' | 'plan' }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name) && e.name !== '.stratdoc.yaml') {
        const text = fs.readFileSync(p, 'utf8');
        const marker = /^stratdoc:\s*(\w+)/m.exec(text)?.[1];
        const kind =
          marker === 'plan' || /\.plan\.ya?ml$/.test(e.name) ? 'plan' : marker === 'strategy' || /\.strategy\.ya?ml$/.test(e.name) ? 'strategy' : undefined;
        if (kind) out.push({ file: p, kind });
      }
    }
  };
  walk(dir);
  return out;
}

describe('JSON Schemas for the YAML extension', () => {
  it('the build wrote them, and they are what the zod models give today', () => {
    const fresh = allSchemas(ALL_RULES.map((r) => r.meta));
    for (const [name, schema] of Object.entries(fresh)) {
      assert.ok(fs.existsSync(path.join(DIST, name)), `dist/schemas/${name} (run node esbuild.js)`);
      assert.deepEqual(load(name), JSON.parse(JSON.stringify(schema)), `${name} is stale: run node esbuild.js`);
    }
  });

  it('are valid draft-07 JSON Schemas', () => {
    const ajv = new Ajv({ strict: false });
    for (const name of ['strategy.schema.json', 'plan.schema.json', 'config.schema.json']) {
      const schema = load(name);
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
      assert.equal(schema.type, 'object');
      assert.ok(ajv.validateSchema(schema), `${name}: ${ajv.errorsText()}`);
      assert.ok(!('required' in schema), `${name}: no top-level key is required`);
    }
  });

  it('the YAML examples of FORMAT.md validate', () => {
    assert.deepEqual(validator('strategy.schema.json')(parse(FORMAT_STRATEGY)), []);
    assert.deepEqual(validator('plan.schema.json')(parse(FORMAT_PLAN)), []);
    assert.deepEqual(validator('config.schema.json')(parse(FORMAT_CONFIG)), []);
  });

  it('the fixtures and the examples validate (German keys and values included)', () => {
    const docs = [...yamlDocuments(path.join(ROOT, 'test', 'fixtures', 'lsp')), ...yamlDocuments(path.join(ROOT, 'examples'))];
    assert.ok(docs.some((d) => d.file.endsWith(path.join('basic', 'plaene', 'q1.plan.yaml'))));
    assert.ok(docs.length >= 3, `found ${docs.length}`);
    const check = { strategy: validator('strategy.schema.json'), plan: validator('plan.schema.json') };
    let checked = 0;
    for (const d of docs) {
      const doc = parseDocument(fs.readFileSync(d.file, 'utf8'), { uniqueKeys: false });
      if (doc.errors.length) continue; // a planted YAML error: not a valid document
      assert.deepEqual(check[d.kind](doc.toJS()), [], path.relative(ROOT, d.file));
      checked++;
    }
    assert.ok(checked >= 3, `validated ${checked}`);
    const config = validator('config.schema.json');
    for (const dir of fs.readdirSync(path.join(ROOT, 'examples'))) {
      const file = path.join(ROOT, 'examples', dir, '.stratdoc.yaml');
      if (fs.existsSync(file)) assert.deepEqual(config(parse(fs.readFileSync(file, 'utf8'))), [], path.relative(ROOT, file));
    }
  });

  it('German keys and aliases validate; plain mistakes do not', () => {
    const plan = validator('plan.schema.json');
    assert.deepEqual(
      plan({
        stratdoc: 'plan',
        titel: 'Redaktionsplan',
        einträge: [
          {
            datum: '12.01.2027',
            kanal: 'instagram',
            thema: 'Frühlingscheck',
            modus: 'Ratgeber',
            ziel: ['G1', 'G2'],
            verantwortlich: 'anna',
            freigabe: '@dirk',
            status: 'in Freigabe',
            kampagne: 'Frühling',
            eigenesFeld: 'bleibt',
          },
          { date: '2027-01-13', mode: 'Menschen', status: 'veröffentlicht' },
          { date: '2027-01-14', mode: 'gemischt', status: 'veroeffentlicht', uhrzeit: '09:30' },
        ],
      }),
      [],
    );
    assert.ok(plan({ stratdoc: 'plan', entries: { date: '2027-01-12' } }).length, 'entries is a list');
    assert.ok(plan({ stratdoc: 'plan', entries: [{ mode: 'werbesprech' }] }).length, 'an unknown mode');
    assert.ok(plan({ stratdoc: 'plan', entries: [{ status: 'irgendwann' }] }).length, 'an unknown status');
    assert.ok(plan({ stratdoc: 'strategy' }).length, 'a strategy marker in a plan');

    const strategy = validator('strategy.schema.json');
    assert.deepEqual(
      strategy({
        stratdoc: 'strategy',
        ziele: { G1: { titel: 'Mehr Probefahrten', art: 'Abverkauf', primär: 'ja', kennzahlen: 'K1' } },
        kennzahlen: [{ id: 'K1', metrik: 'Probefahrten', zielwert: 40, frist: '2027-06-30', ziel: 'G1' }],
        kanalplan: [{ id: 'instagram', warum: 'Pendler', wie: '3 Reels', ressourcen: ['@anna', '6 h/Woche'], ziele: ['G1'] }],
        'Umgang mit Kritik': 'Antwort binnen vier Stunden.',
      }),
      [],
    );
    assert.ok(strategy({ goals: [{ id: 'G1', type: 'Weltherrschaft' }] }).length, 'an unknown goal type');
    assert.ok(strategy({ goals: [{ id: 'G1', primary: 'vielleicht' }] }).length, 'primary is yes or no');

    const config = validator('config.schema.json');
    assert.ok(config({ rules: { 'push-ratio': { max: 'viel' } } }).length, 'a rule option of the wrong type');
    assert.ok(config({ sprache: 'de' }).length, 'the configuration takes no unknown keys');
  });

  it('enumerations and key synonyms come from the vocabulary', () => {
    for (const m of enumValues(MODES)) assert.ok(modeOf(m), `mode ${m}`);
    for (const s of enumValues(STATUSES)) assert.ok(statusOf(s), `status ${s}`);
    assert.ok(enumValues(MODES).includes('Werbung') && enumValues(MODES).includes('werbung'));
    assert.ok(keysOf('reviewer').includes('freigabe') && keysOf('reviewer').includes('prüfer') && keysOf('reviewer').includes('pruefer'));
    const entry = (load('plan.schema.json').definitions as Record<string, { properties: Record<string, unknown> }>).entry;
    for (const k of [
      'date',
      'datum',
      'channel',
      'kanal',
      'mode',
      'modus',
      'goal',
      'ziel',
      'owner',
      'verantwortlich',
      'reviewer',
      'freigabe',
      'status',
      'link',
    ]) {
      assert.ok(k in entry.properties, `entry key ${k}`);
    }
  });
});
