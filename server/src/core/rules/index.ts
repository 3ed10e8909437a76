/** Every rule of docs/rules/README.md, in the catalog's order. One file per rule: metadata beside its check. */
import type { Rule } from './api';
import { rule as r0 } from './syntax';
import { rule as r1 } from './schema';
import { rule as r2 } from './duplicate-id';
import { rule as r3 } from './unknown-reference';
import { rule as r4 } from './missing-strategy';
import { rule as r5 } from './missing-step';
import { rule as r6 } from './empty-step';
import { rule as r7 } from './placeholder-content';
import { rule as r8 } from './audience-without-description';
import { rule as r9 } from './missing-governance';
import { rule as r10 } from './missing-meetings';
import { rule as r11 } from './missing-guidelines';
import { rule as r12 } from './missing-crisis-plan';
import { rule as r13 } from './single-department';
import { rule as r14 } from './no-management';
import { rule as r15 } from './unknown-person';
import { rule as r16 } from './no-primary-goal';
import { rule as r17 } from './multiple-primary-goals';
import { rule as r18 } from './goal-without-kpi';
import { rule as r19 } from './kpi-without-goal';
import { rule as r20 } from './vanity-kpis-only';
import { rule as r21 } from './no-business-result';
import { rule as r22 } from './kpi-not-smart';
import { rule as r23 } from './missing-budget';
import { rule as r24 } from './unlinked-goal';
import { rule as r25 } from './channel-without-rationale';
import { rule as r26 } from './channel-without-how';
import { rule as r27 } from './unplanned-channel';
import { rule as r28 } from './undeclared-channel';
import { rule as r29 } from './push-ratio';
import { rule as r30 } from './push-only';
import { rule as r31 } from './content-mix';
import { rule as r32 } from './entry-without-goal';
import { rule as r33 } from './entry-without-owner';
import { rule as r34 } from './missing-review';
import { rule as r35 } from './self-review';
import { rule as r36 } from './mode-inferred';
import { rule as r37 } from './date-outside-period';
import { rule as r38 } from './below-cadence';
import { rule as r39 } from './channel-gap';
import { rule as r40 } from './untracked-link';
import { rule as r41 } from './published-in-future';
import { rule as r42 } from './stale-entry';
import { rule as r43 } from './unmarked-document';

export const ALL_RULES: Rule[] = [
  r0,
  r1,
  r2,
  r3,
  r4,
  r43,
  r5,
  r6,
  r7,
  r8,
  r9,
  r10,
  r11,
  r12,
  r13,
  r14,
  r15,
  r16,
  r17,
  r18,
  r19,
  r20,
  r21,
  r22,
  r23,
  r24,
  r25,
  r26,
  r27,
  r28,
  r29,
  r30,
  r31,
  r32,
  r33,
  r34,
  r35,
  r36,
  r37,
  r38,
  r39,
  r40,
  r41,
  r42,
];

export const RULES_BY_ID = new Map(ALL_RULES.map((r) => [r.meta.id, r]));
