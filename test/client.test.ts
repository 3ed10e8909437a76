/**
 * The extension's pure parts, outside VS Code: the cheap check that decides whether the
 * server starts (client/src/detect.ts) and the status bar text (client/src/statusText.ts)
 * in English and, with the German bundle loaded as VS Code would, in German.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { isStratdocDocument, recognizeOpen, WORKSPACE_GLOBS } from '../client/src/detect';
import { presentStatus } from '../client/src/statusText';

const ROOT = path.resolve(__dirname, '../..');

describe('extension: which documents start the server', () => {
  it('a marker, a file name or .stratdoc.yaml; nothing else', () => {
    const yes: [string, string, string][] = [
      ['/ws/strategie.md', 'markdown', '---\nstratdoc: strategy\n---\n# S'],
      ['/ws/plan.md', 'markdown', '---\ntitle: x\nstratdoc: "plan"\n---\n'],
      ['/ws/q1.yaml', 'yaml', '# Plan\nstratdoc: plan\nentries: []\n'],
      ['/ws/x.yaml', 'yaml', 'stratdoc: Redaktionsplan\n'],
      ['/ws/x.yaml', 'yaml', 'stratdoc: nonsense\n'],
      ['/ws/q1.plan.yaml', 'yaml', ''],
      ['/ws/a.strategy.md', 'markdown', '# nothing'],
      ['C:\\ws\\b.plan.yml', 'yaml', ''],
      ['/ws/.stratdoc.yaml', 'yaml', 'language: de\n'],
      ['/ws/.stratdoc.yml', 'yaml', 'language: de\n'],
      ['Untitled-1', 'yaml', 'stratdoc: plan\n'],
    ];
    for (const [f, lang, text] of yes) assert.equal(isStratdocDocument(f, lang, text), true, `${f}: ${text}`);
    const no: [string, string, string][] = [
      ['/ws/README.md', 'markdown', '# Readme\n\nstratdoc: strategy\n'],
      ['/ws/README.md', 'markdown', 'Contact @anna. | Ziel | G1 |'],
      ['/ws/config.yaml', 'yaml', 'name: x\nmode: push\n'],
      ['/ws/ci.yml', 'yaml', 'jobs:\n  stratdoc: plan\n'],
      ['/ws/q1.plan.json', 'json', '{}'],
      ['/ws/notes.txt', 'plaintext', 'stratdoc: plan'],
      ['/ws/plan.md', 'markdown', '---\ntitle: Plan\n---\n'],
    ];
    for (const [f, lang, text] of no) assert.equal(isStratdocDocument(f, lang, text), false, `${f}: ${text}`);
  });

  it('the workspace globs are the workspaceContains activation events', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] };
    const events = pkg.activationEvents.filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length));
    assert.ok(events.includes('**/.stratdoc.yaml'));
    assert.ok(WORKSPACE_GLOBS.includes('**/.stratdoc.yaml'));
    assert.ok(events.includes('**/.stratdoc.yml') && WORKSPACE_GLOBS.includes('**/.stratdoc.yml'), 'both names of the configuration file activate');
    const expand = (g: string): string[] => {
      const m = /\{([^}]*)\}/.exec(g);
      return m ? m[1].split(',').flatMap((x) => expand(g.replace(m[0], x))) : [g];
    };
    assert.deepEqual(new Set(events.flatMap(expand)), new Set(WORKSPACE_GLOBS.flatMap(expand)));
  });
});

describe('extension: which open files get the offer to add the marker', () => {
  const PLAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/recognition/plans/redaktionsplan-q1.md'), 'utf8');
  it('a file that looks like a plan, in Markdown or YAML; not a marked one, not another language', () => {
    assert.equal(recognizeOpen('file:///w/plan.md', '/w/plan.md', 'markdown', PLAN)?.kind, 'plan');
    assert.equal(recognizeOpen('file:///w/plan.md', '/w/plan.md', 'markdown', `---\nstratdoc: plan\n---\n${PLAN}`), undefined);
    assert.equal(recognizeOpen('file:///w/q1.plan.md', '/w/q1.plan.md', 'markdown', PLAN), undefined);
    assert.equal(recognizeOpen('file:///w/plan.md', '/w/plan.md', 'plaintext', PLAN), undefined);
    const readme = fs.readFileSync(path.join(ROOT, 'test/fixtures/vscode/empty/README.md'), 'utf8');
    assert.equal(recognizeOpen('file:///w/README.md', '/w/README.md', 'markdown', readme), undefined);
  });
});

describe('extension: status bar text', () => {
  const plan = { kind: 'plan' as const, pushShare: 0.18, entries: 22, errors: 1, warnings: 3, infos: 0 };

  it('shows push share and problems of a plan, and explains the 80/20 rule', () => {
    const s = presentStatus(plan);
    assert.equal(s.text, '$(megaphone) Push 18% · $(error) 1 $(warning) 3');
    assert.match(s.tooltip, /80\/20/);
    assert.match(s.tooltip, /18% of 22 entries/);
    assert.equal(presentStatus({ ...plan, infos: 2 }).text, '$(megaphone) Push 18% · $(error) 1 $(warning) 3 $(info) 2');
    assert.equal(presentStatus({ kind: 'plan', errors: 0, warnings: 0, infos: 0, entries: 0 }).text, '$(megaphone) Push – · $(error) 0 $(warning) 0');
    assert.equal(presentStatus({ kind: 'strategy', errors: 0, warnings: 2, infos: 0 }).text, '$(compass) Strategy · $(error) 0 $(warning) 2');
  });

  it('speaks German with the German bundle', () => {
    l10n.config({ contents: fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8') });
    try {
      const s = presentStatus(plan);
      assert.equal(s.text, '$(megaphone) Push 18 % · $(error) 1 $(warning) 3');
      assert.match(s.tooltip, /80\/20-Regel/);
      assert.match(s.tooltip, /18 % von 22 Einträgen/);
      assert.equal(presentStatus({ kind: 'strategy', errors: 0, warnings: 0, infos: 0 }).text, '$(compass) Strategie · $(error) 0 $(warning) 0');
    } finally {
      l10n.config({ contents: {} });
    }
  });
});
