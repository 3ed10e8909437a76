/** The status bar's figures for the active document (custom request `stratdoc/planStatus`). */
import { planMix } from '../core/stats';
import type { ServiceContext } from './context';

import type { PlanStatus } from '../../../shared/protocol';

export { PLAN_STATUS_REQUEST, type PlanStatus } from '../../../shared/protocol';

export function planStatus(ctx: ServiceContext, uri: string): PlanStatus | null {
  const doc = ctx.ws.get(uri);
  if (!doc) return null;
  const findings = ctx.findings().get(uri) ?? [];
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const mix = doc.plan ? planMix(doc) : undefined;
  return {
    kind: doc.kind,
    pushShare: mix?.share,
    entries: mix?.count,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('information') + count('hint'),
  };
}
