/** Shared pieces of the preview tests: fixture folders, building models, temporary workspaces. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadWorkspace } from '../helpers/fsworkspace';
import { buildPreview, buildPreviewFor, buildPreviews, type PreviewModel } from '../../server/src/preview/model';
import { toUri } from '../../server/src/core/uri';
import type { Workspace } from '../../server/src/core/workspace';
import type { Lang } from '../../server/src/core/text';

export const ROOT = repoRoot();
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'preview');
export const EXAMPLES = path.join(ROOT, 'examples');

export interface Built {
  ws: Workspace;
  dir: string;
  models: PreviewModel[];
  model: PreviewModel;
  uri(rel: string): string;
}

/** Loads a folder and builds the models of all its projects (the first is `model`). */
export function build(dir: string, today: string, lang?: Lang): Built {
  const ws = loadWorkspace(dir);
  const models = buildPreviews(ws, { today, lang, configFor: (u) => ws.configs.forDocument(u), root: toUri(path.resolve(dir)) + '/' });
  return { ws, dir, models, model: models[0], uri: (rel) => toUri(path.resolve(dir, rel)) };
}

/** The model of the project of one file of a folder. */
export function buildFor(dir: string, rel: string, today: string, lang?: Lang): { ws: Workspace; model: PreviewModel; uri: string } {
  const ws = loadWorkspace(dir);
  const uri = toUri(path.resolve(dir, rel));
  const model = buildPreviewFor(ws, uri, { today, lang, configFor: (u) => ws.configs.forDocument(u), root: toUri(path.resolve(dir)) + '/' });
  return { ws, model, uri };
}

export { buildPreview };

/** A temporary folder with the given files (relative path → text); removed by `cleanup`. */
export function tempWorkspace(files: Record<string, string>): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratdoc-preview-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

import { rng } from '../helpers/rng';
import { repoRoot } from '../helpers/repo';
export { repoRoot };
export { rng };

export const SMALL_STRATEGY = `---
stratdoc: strategy
title: Small strategy
language: en
period: 2027-01-01..2027-12-31
---
# Small strategy

## 1. Team
- @anna — Social media lead (Marketing)
- @dirk — CEO (Management)

## 3. Goals
### G1: More orders
- Type: conversion
- Primary: yes
- KPIs: K1

## 4. KPIs
| ID | Title | Metric | Target | Baseline | Deadline | Source | Goal |
|---|---|---|---|---|---|---|---|
| K1 | Orders from social | orders | 100 | 40 | 2027-12-31 | Shop | G1 |

## 8. Channel plan
### Instagram
- Why: our customers are there
- How: daily
- Resources: @anna, 5 h/week
- Goals: G1
`;

/** A YAML plan of `count` entries spread over `days` days from `start`, several a day. */
export function bigPlan(count: number, start: string, days: number, seed = 7, period?: string): string {
  const r = rng(seed);
  const modes = ['push', 'story', 'dialog', 'service', 'people', 'ugc', 'mixed'];
  const channels = ['instagram', 'facebook', 'linkedin', 'newsletter'];
  const statuses = ['planned', 'draft', 'published', 'idea'];
  const t0 = Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10)));
  const lines = ['stratdoc: plan', 'title: Big plan', 'strategy: strategy.md'];
  if (period) lines.push(`period: ${period}`);
  lines.push('entries:');
  for (let i = 0; i < count; i++) {
    const day = new Date(t0 + Math.floor(r() * days) * 86_400_000).toISOString().slice(0, 10);
    const mode = modes[Math.floor(r() * modes.length)];
    const ch = channels[Math.floor(r() * channels.length)];
    const noGoal = r() < 0.1;
    lines.push(
      `  - { date: ${day}, channel: ${ch}, format: post, title: "Entry ${i} <b>bold</b>", mode: ${mode}${noGoal ? '' : ', goal: G1'}, owner: anna, reviewer: dirk, status: ${statuses[i % statuses.length]} }`,
    );
  }
  return lines.join('\n') + '\n';
}
