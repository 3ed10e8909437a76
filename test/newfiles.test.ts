/**
 * "stratdoc: New Strategy" and "stratdoc: New Editorial Plan" outside VS Code
 * (client/src/templates.ts): the templates are the snippets' skeletons in both languages
 * and formats; a plan's is adapted to its strategy (a relative `strategy:` path, or none)
 * and to the current quarter, and what comes out, with every default accepted, is a clean
 * strategy and a clean plan of that strategy; default names, numbered names, names typed
 * by the user, and the cheap check that finds strategies.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../server/src/core/parse';
import { loadWorkspace, allFindings, describe1 } from './helpers/fsworkspace';
import { expandSnippet, loadSnippets } from './helpers/snippets';
import {
  adaptPlanTemplate,
  defaultLang,
  defaultName,
  freeName,
  nameProblem,
  numberedName,
  quarterOf,
  snippetFile,
  snippetLiteral,
  strategyInfo,
  templateBody,
  TEMPLATE_PREFIXES,
  type TemplateFormat,
  type TemplateLang,
} from '../client/src/templates';

const ROOT = path.resolve(__dirname, '../..');
const LANGS: TemplateLang[] = ['de', 'en'];
const FORMATS: TemplateFormat[] = ['markdown', 'yaml'];

/** The snippet variables of a day, as VS Code resolves them. */
function variablesOf(d: Date): Record<string, string> {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    CURRENT_YEAR: String(d.getFullYear()),
    CURRENT_MONTH: pad(d.getMonth() + 1),
    CURRENT_DATE: pad(d.getDate()),
    CURRENT_YEAR_SHORT: String(d.getFullYear()).slice(2),
  };
}

function snippets(format: TemplateFormat) {
  return loadSnippets(path.basename(snippetFile(format)));
}

const tmpDirs: string[] = [];
after(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function tmpWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-newfiles-'));
  tmpDirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('new documents: templates (client/src/templates.ts)', () => {
  it("are the snippets' skeletons, read from the snippet files the manifest names", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };
    for (const format of FORMATS) {
      const contributed = pkg.contributes.snippets.find((s) => s.language === format);
      assert.equal(path.posix.normalize(contributed!.path), snippetFile(format));
      for (const lang of LANGS) {
        for (const kind of ['strategy', 'plan'] as const) {
          const body = templateBody(snippets(format), kind, lang);
          assert.match(body, new RegExp(`stratdoc: ${kind}`), `${kind} ${lang} ${format}`);
          assert.ok(Object.values(snippets(format)).some((s) => s.prefix === TEMPLATE_PREFIXES[kind][lang]));
        }
      }
    }
  });

  for (const format of FORMATS) {
    for (const lang of LANGS) {
      it(`a strategy and its plan (${lang}, ${format}), every default accepted, are clean`, () => {
        const day = new Date(2027, 7, 14); // 14 August 2027: the third quarter
        const vars = variablesOf(day);
        const strategyName = defaultName('strategy', lang, format, day);
        assert.equal(strategyName, `${lang === 'de' ? 'strategie' : 'strategy'}.${format === 'markdown' ? 'md' : 'yaml'}`);
        const planName = defaultName('plan', lang, format, day);
        assert.equal(planName, `${lang === 'de' ? 'plaene' : 'plans'}/2027-q3.plan.${format === 'markdown' ? 'md' : 'yaml'}`);

        const strategy = expandSnippet(templateBody(snippets(format), 'strategy', lang), vars);
        const planBody = adaptPlanTemplate(templateBody(snippets(format), 'plan', lang), { strategyPath: `../${strategyName}`, date: day });
        const plan = expandSnippet(planBody, vars);
        assert.match(plan, new RegExp(`^(strategy|strategie): \\.\\./${strategyName.replace('.', '\\.')}$`, 'm'));
        assert.match(plan, /^(period|zeitraum): 2027-07-01\.\.2027-09-30$/m);
        if (format === 'yaml') assert.match(plan, /Q3 2027/);
        const doc = parseDocument(`file:///ws/${planName}`, plan)!;
        assert.equal(doc.kind, 'plan');
        assert.equal(doc.plan!.entries[0].isoDate, '2027-08-14');

        const dir = tmpWorkspace({ [strategyName]: strategy, [planName]: plan });
        const findings = allFindings(loadWorkspace(dir), '2027-08-14');
        const bad = findings.filter((f) =>
          [
            'syntax',
            'schema',
            'missing-step',
            'empty-step',
            'unknown-reference',
            'missing-strategy',
            'date-outside-period',
            'undeclared-channel',
            'unknown-person',
            'unlinked-goal',
          ].includes(f.rule),
        );
        assert.deepEqual(
          bad.map((f) => `${describe1(f, dir)}: ${f.message.en}`),
          [],
        );
      });
    }
  }

  it('a plan without a strategy has no strategy: line and still finds the one above it', () => {
    for (const format of FORMATS) {
      for (const lang of LANGS) {
        const day = new Date(2027, 0, 12);
        const body = adaptPlanTemplate(templateBody(snippets(format), 'plan', lang), { date: day });
        assert.doesNotMatch(body, /^(strategy|strategie)\s*:/m, `${lang} ${format}`);
        const plan = expandSnippet(body, variablesOf(day));
        const strategy = expandSnippet(templateBody(snippets(format), 'strategy', lang), variablesOf(day));
        const dir = tmpWorkspace({ [defaultName('strategy', lang, format, day)]: strategy, [defaultName('plan', lang, format, day)]: plan });
        const findings = allFindings(loadWorkspace(dir), '2027-01-12');
        assert.deepEqual(
          findings.filter((f) => ['missing-strategy', 'unknown-reference', 'syntax', 'schema'].includes(f.rule)).map((f) => f.rule),
          [],
          `${lang} ${format}`,
        );
        // Alone, it is missing its strategy: the diagnostic the walkthrough shows next.
        const alone = tmpWorkspace({ [defaultName('plan', lang, format, day)]: plan });
        assert.deepEqual(allFindings(loadWorkspace(alone), '2027-01-12').filter((f) => f.rule === 'missing-strategy').length, 1);
      }
    }
  });

  it('escapes a strategy path for the snippet, and leaves other lines alone', () => {
    assert.equal(snippetLiteral('a$b}c\\d'), 'a\\$b\\}c\\\\d');
    const body = adaptPlanTemplate('stratdoc: plan\nstrategy: ${1:../strategy.md}\nperiod: ${2:${CURRENT_YEAR}-01-01..${CURRENT_YEAR}-03-31}\ntitle: x', {
      strategyPath: '../$x/s.md',
      date: new Date(2027, 10, 3),
    });
    assert.equal(body, 'stratdoc: plan\nstrategy: ${1:../\\$x/s.md}\nperiod: ${2:2027-10-01..2027-12-31}\ntitle: x');
    assert.equal(expandSnippet(body), 'stratdoc: plan\nstrategy: ../$x/s.md\nperiod: 2027-10-01..2027-12-31\ntitle: x');
  });

  it('quarters', () => {
    assert.deepEqual(quarterOf(new Date(2027, 0, 1)), { year: 2027, quarter: 1, start: '2027-01-01', end: '2027-03-31' });
    assert.deepEqual(quarterOf(new Date(2028, 4, 31)), { year: 2028, quarter: 2, start: '2028-04-01', end: '2028-06-30' });
    assert.deepEqual(quarterOf(new Date(2027, 8, 30)), { year: 2027, quarter: 3, start: '2027-07-01', end: '2027-09-30' });
    assert.deepEqual(quarterOf(new Date(2027, 11, 31)), { year: 2027, quarter: 4, start: '2027-10-01', end: '2027-12-31' });
  });
});

describe('new documents: names', () => {
  const day = new Date(2027, 1, 3);

  it("default names, a plan below its strategy's folder", () => {
    assert.equal(defaultName('strategy', 'en', 'yaml', day), 'strategy.yaml');
    assert.equal(defaultName('strategy', 'de', 'markdown', day, 'marketing'), 'marketing/strategie.md');
    assert.equal(defaultName('plan', 'de', 'yaml', day, 'marketing/'), 'marketing/plaene/2027-q1.plan.yaml');
    assert.equal(defaultName('plan', 'en', 'markdown', day, '.'), 'plans/2027-q1.plan.md');
  });

  it('a number when the name is taken, before .plan/.strategy and the extension', async () => {
    assert.equal(numberedName('strategie.md', 2), 'strategie-2.md');
    assert.equal(numberedName('plaene/2027-q1.plan.yaml', 3), 'plaene/2027-q1-3.plan.yaml');
    assert.equal(numberedName('a.b/x.strategy.md', 2), 'a.b/x-2.strategy.md');
    const taken = new Set(['strategie.md', 'strategie-2.md']);
    assert.equal(await freeName('strategie.md', (n) => taken.has(n)), 'strategie-3.md');
    assert.equal(await freeName('strategy.md', async (n) => taken.has(n)), 'strategy.md');
  });

  it('names the user types: inside the folder, of the chosen format', () => {
    assert.equal(nameProblem('plaene/q1.plan.yaml', 'yaml'), undefined);
    assert.equal(nameProblem('q1.yml', 'yaml'), undefined);
    assert.equal(nameProblem('  ', 'yaml'), 'empty');
    assert.equal(nameProblem('plaene/', 'yaml'), 'empty');
    assert.equal(nameProblem('../q1.yaml', 'yaml'), 'outside');
    assert.equal(nameProblem('/tmp/q1.yaml', 'yaml'), 'outside');
    assert.equal(nameProblem('C:\\q1.yaml', 'yaml'), 'outside');
    assert.equal(nameProblem('strategie.md', 'yaml'), 'format');
    assert.equal(nameProblem('strategie.yaml', 'markdown'), 'format');
  });

  it('the default language: the stratdoc.language setting, else the display language', () => {
    assert.equal(defaultLang(null, 'de'), 'de');
    assert.equal(defaultLang(undefined, 'de-AT'), 'de');
    assert.equal(defaultLang(null, 'en-us'), 'en');
    assert.equal(defaultLang(null, 'fr'), 'en');
    assert.equal(defaultLang('de', 'en'), 'de');
    assert.equal(defaultLang('en', 'de'), 'en');
  });
});

describe('new documents: finding the strategies of a workspace', () => {
  it('by name or by marker, with the language they declare', () => {
    assert.deepEqual(strategyInfo('/ws/strategie.md', '---\nstratdoc: strategy\nlanguage: de\n---\n# S'), { lang: 'de' });
    assert.deepEqual(strategyInfo('/ws/s.yaml', '# x\nstratdoc: Strategie\nsprache: Deutsch\n'), { lang: 'de' });
    assert.deepEqual(strategyInfo('/ws/s.yml', 'stratdoc: strategy\nlanguage: en\n'), { lang: 'en' });
    assert.deepEqual(strategyInfo('/ws/a.strategy.md', '# nothing'), { lang: undefined });
    assert.equal(strategyInfo('/ws/q1.plan.yaml', 'stratdoc: plan\n'), undefined);
    assert.equal(strategyInfo('/ws/q1.yaml', 'stratdoc: plan\n'), undefined);
    assert.equal(strategyInfo('/ws/README.md', '# Readme\n\nstratdoc: strategy\n'), undefined);
    assert.equal(strategyInfo('/ws/notes.txt', 'stratdoc: strategy'), undefined);
    // The marker wins over the name.
    assert.equal(strategyInfo('/ws/x.strategy.yaml', 'stratdoc: plan\n'), undefined);
  });

  it('every strategy skeleton is found as a strategy in its language', () => {
    for (const format of FORMATS) {
      for (const lang of LANGS) {
        const text = expandSnippet(templateBody(snippets(format), 'strategy', lang));
        assert.deepEqual(strategyInfo(`/ws/${defaultName('strategy', lang, format, new Date())}`, text), { lang }, `${lang} ${format}`);
        const plan = expandSnippet(templateBody(snippets(format), 'plan', lang));
        assert.equal(strategyInfo(`/ws/x.${format === 'markdown' ? 'md' : 'yaml'}`, plan), undefined);
      }
    }
  });
});
