/**
 * A structural check of a SARIF 2.1.0 log as GitHub code scanning reads it: the required
 * properties, their types, and no property the schema does not define (catches typos).
 * Offline: the properties are taken from the SARIF 2.1.0 JSON schema by hand.
 */
import * as assert from 'node:assert/strict';

type Json = Record<string, unknown>;

const ALLOWED: Record<string, string[]> = {
  log: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: [
    'tool',
    'invocations',
    'conversion',
    'language',
    'versionControlProvenance',
    'originalUriBaseIds',
    'artifacts',
    'logicalLocations',
    'graphs',
    'results',
    'automationDetails',
    'runAggregates',
    'baselineGuid',
    'redactionTokens',
    'defaultEncoding',
    'defaultSourceLanguage',
    'newlineSequences',
    'columnKind',
    'externalPropertyFileReferences',
    'threadFlowLocations',
    'taxonomies',
    'addresses',
    'translations',
    'policies',
    'webRequests',
    'webResponses',
    'specialLocations',
    'properties',
  ],
  tool: ['driver', 'extensions', 'properties'],
  driver: [
    'guid',
    'name',
    'organization',
    'product',
    'productSuite',
    'shortDescription',
    'fullDescription',
    'fullName',
    'version',
    'semanticVersion',
    'dottedQuadFileVersion',
    'releaseDateUtc',
    'downloadUri',
    'informationUri',
    'globalMessageStrings',
    'notifications',
    'rules',
    'taxa',
    'locations',
    'language',
    'contents',
    'isComprehensive',
    'localizedDataSemanticVersion',
    'minimumRequiredLocalizedDataSemanticVersion',
    'associatedComponent',
    'translationMetadata',
    'supportedTaxonomies',
    'properties',
  ],
  rule: [
    'id',
    'deprecatedIds',
    'guid',
    'deprecatedGuids',
    'name',
    'deprecatedNames',
    'shortDescription',
    'fullDescription',
    'messageStrings',
    'defaultConfiguration',
    'helpUri',
    'help',
    'relationships',
    'properties',
  ],
  result: [
    'ruleId',
    'ruleIndex',
    'rule',
    'kind',
    'level',
    'message',
    'analysisTarget',
    'locations',
    'guid',
    'correlationGuid',
    'occurrenceCount',
    'partialFingerprints',
    'fingerprints',
    'stacks',
    'codeFlows',
    'graphs',
    'graphTraversals',
    'relatedLocations',
    'suppressions',
    'baselineState',
    'rank',
    'attachments',
    'hostedViewerUri',
    'workItemUris',
    'provenance',
    'fixes',
    'taxa',
    'webRequest',
    'webResponse',
    'properties',
  ],
  location: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  artifactLocation: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
  region: [
    'startLine',
    'startColumn',
    'endLine',
    'endColumn',
    'charOffset',
    'charLength',
    'byteOffset',
    'byteLength',
    'snippet',
    'message',
    'sourceLanguage',
    'properties',
  ],
};

function obj(v: unknown, what: string, kind: keyof typeof ALLOWED): Json {
  assert.ok(v && typeof v === 'object' && !Array.isArray(v), `${what} must be an object`);
  for (const k of Object.keys(v)) assert.ok(ALLOWED[kind].includes(k), `${what} has a property SARIF does not define: ${k}`);
  return v as Json;
}

function str(v: unknown, what: string): string {
  assert.equal(typeof v, 'string', `${what} must be a string`);
  assert.ok((v as string).length > 0, `${what} must not be empty`);
  return v as string;
}

function int(v: unknown, what: string, min: number): number {
  assert.ok(Number.isInteger(v) && (v as number) >= min, `${what} must be an integer >= ${min}, is ${String(v)}`);
  return v as number;
}

function absUrl(v: unknown, what: string): void {
  const s = str(v, what);
  assert.doesNotThrow(() => new URL(s), `${what} must be an absolute URI`);
}

const LEVELS = ['none', 'note', 'warning', 'error'];

export function checkSarif(log: unknown): void {
  const l = obj(log, 'log', 'log');
  str(l.$schema, '$schema');
  assert.equal(l.version, '2.1.0');
  assert.ok(Array.isArray(l.runs) && l.runs.length === 1, 'exactly one run');
  const run = obj(l.runs[0], 'run', 'run');
  if (run.columnKind !== undefined) assert.ok(['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string));
  const tool = obj(run.tool, 'tool', 'tool');
  const driver = obj(tool.driver, 'tool.driver', 'driver');
  assert.equal(driver.name, 'stratdoc');
  str(driver.version, 'driver.version');
  absUrl(driver.informationUri, 'driver.informationUri');
  assert.ok(Array.isArray(driver.rules), 'driver.rules must be an array');
  const ids = new Set<string>();
  (driver.rules as unknown[]).forEach((r, i) => {
    const rule = obj(r, `rules[${i}]`, 'rule');
    const id = str(rule.id, `rules[${i}].id`);
    assert.ok(!ids.has(id), `rule ${id} listed twice`);
    ids.add(id);
    const sd = rule.shortDescription as Json;
    assert.ok(sd && typeof sd === 'object', `rules[${i}].shortDescription`);
    str(sd.text, `rules[${i}].shortDescription.text`);
    absUrl(rule.helpUri, `rules[${i}].helpUri`);
    const dc = rule.defaultConfiguration as Json;
    assert.ok(dc && LEVELS.includes(dc.level as string), `rules[${i}].defaultConfiguration.level`);
  });
  const rules = driver.rules as Json[];
  assert.ok(Array.isArray(run.results), 'run.results must be an array');
  (run.results as unknown[]).forEach((x, i) => {
    const r = obj(x, `results[${i}]`, 'result');
    const ruleId = str(r.ruleId, `results[${i}].ruleId`);
    const idx = int(r.ruleIndex, `results[${i}].ruleIndex`, 0);
    assert.ok(idx < rules.length && rules[idx].id === ruleId, `results[${i}].ruleIndex ${idx} does not point at ${ruleId}`);
    assert.ok(LEVELS.includes(r.level as string), `results[${i}].level`);
    const msg = r.message as Json;
    assert.ok(msg && typeof msg === 'object', `results[${i}].message`);
    str(msg.text, `results[${i}].message.text`);
    assert.ok(Array.isArray(r.locations) && r.locations.length >= 1, `results[${i}].locations`);
    for (const [j, lv] of (r.locations as unknown[]).entries()) {
      const loc = obj(lv, `results[${i}].locations[${j}]`, 'location');
      const pl = obj(loc.physicalLocation, 'physicalLocation', 'physicalLocation');
      const al = obj(pl.artifactLocation, 'artifactLocation', 'artifactLocation');
      const uri = str(al.uri, 'artifactLocation.uri');
      assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(uri) && !uri.includes('\\') && !uri.startsWith('/'), `artifactLocation.uri must be relative with '/': ${uri}`);
      assert.doesNotThrow(() => new URL(uri, 'file:///base/'), `artifactLocation.uri is no URI reference: ${uri}`);
      assert.equal(al.uriBaseId, '%SRCROOT%');
      const reg = obj(pl.region, 'region', 'region');
      const sl = int(reg.startLine, 'region.startLine', 1);
      const sc = int(reg.startColumn, 'region.startColumn', 1);
      const el = int(reg.endLine, 'region.endLine', sl);
      const ec = int(reg.endColumn, 'region.endColumn', 1);
      if (el === sl) assert.ok(ec >= sc, 'region.endColumn before startColumn');
    }
  });
}
