/** Small valid documents the robustness tests put odd content into. */

export const WS = 'file:///ws/';
export const STRATEGY_MD = `${WS}strategie.md`;
export const PLAN_MD = `${WS}q1.plan.md`;
export const STRATEGY_YAML = `${WS}strategie.strategy.yaml`;
export const PLAN_YAML = `${WS}q1.plan.yaml`;

export const FM_STRATEGY = '---\nstratdoc: strategy\ntitle: Social-Media-Strategie 2027\nlanguage: de\nperiod: 2027-01-01..2027-12-31\n---\n';
export const FM_PLAN = '---\nstratdoc: plan\nstrategy: strategie.md\nperiod: 2027-01-01..2027-03-31\n---\n';

export const STRATEGY_HEAD = `${FM_STRATEGY}# Social-Media-Strategie 2027

## 1. Team
| Person | Rolle | Bereich |
|---|---|---|
| @anna | Social Media Lead | Marketing |
| @dirk | Geschäftsführer, Freigabe | Geschäftsführung |

## 3. Ziele
### G1: Mehr Probefahrten für E-Autos
- Art: Abverkauf
- Primär: ja
- Kennzahlen: K1

`;

export const STRATEGY_TAIL = `
## 4. Kennzahlen
| ID | Kennzahl | Metrik | Zielwert | Ausgangswert | Frist | Quelle | Ziel |
|---|---|---|---|---|---|---|---|
| K1 | Probefahrt-Anfragen aus Social | conversions | 40/Monat | 12/Monat | 2027-06-30 | CRM | G1 |

## 8. Kanalplan
### Instagram
- Warum: Pendler zwischen 30 und 50 erreichen wir hier
- Wie: 3 Reels pro Woche
- Ressourcen: @anna, 6 h/Woche
- Ziele: G1
`;

export const STRATEGY = STRATEGY_HEAD + STRATEGY_TAIL;

export const PLAN_HEADER = '| Datum | Kanal | Format | Thema | Modus | Ziel | Verantwortlich | Freigabe | Status |\n|---|---|---|---|---|---|---|---|---|\n';

export function planRow(i: number): string {
  const d = new Date(Date.UTC(2027, 0, 4 + i));
  const iso = d.toISOString().slice(0, 10);
  const modes = ['Geschichte', 'Tipps', 'Dialog', 'Menschen', 'Werbung'];
  return `| ${iso} | instagram | reel | Beitrag ${i + 1}: ein Tag im Autohaus | ${modes[i % modes.length]} | G1 | @anna | @dirk | geplant |\n`;
}

export function planTable(rows: number): string {
  let s = PLAN_HEADER;
  for (let i = 0; i < rows; i++) s += planRow(i);
  return s;
}

export const PLAN = `${FM_PLAN}# Redaktionsplan Q1\n\n${planTable(4)}`;

export const STRATEGY_YAML_TEXT = `stratdoc: strategy
title: Social media strategy 2027
language: en
period: 2027-01-01..2027-12-31
team:
  - { id: "@anna", role: Social media lead, department: Marketing }
  - { id: "@dirk", role: CEO, department: Management }
goals:
  - { id: G1, title: More test drives, type: conversion, primary: true, kpis: [K1] }
kpis:
  - { id: K1, title: Test-drive requests from social, metric: conversions, target: 40/month, baseline: 12/month, deadline: 2027-06-30, source: CRM, goal: G1 }
channels:
  - { id: instagram, why: Commuters 30-50, how: 3 reels a week, resources: ["@anna"], goals: [G1] }
`;

export const PLAN_YAML_TEXT = `stratdoc: plan
strategy: strategie.strategy.yaml
period: 2027-01-01..2027-03-31
entries:
  - date: 2027-01-12
    channel: instagram
    format: reel
    title: A day with our e-mobility adviser
    mode: people
    goal: G1
    owner: anna
    reviewer: dirk
    status: planned
`;
