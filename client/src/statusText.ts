/**
 * What the status bar shows for the active document: the push share of a plan and the
 * number of problems, with a tooltip that explains the 80/20 rule. Pure (no `vscode`):
 * strings come from @vscode/l10n, which the extension loads with VS Code's bundle.
 */
import * as l10n from '@vscode/l10n';
import type { PlanStatus } from '../../shared/protocol';

export type { PlanStatus };

export interface StatusPresentation {
  text: string;
  /** Markdown. */
  tooltip: string;
}

function percent(share: number): string {
  return l10n.t('{0}%', Math.round(share * 100));
}

function counts(s: PlanStatus): string {
  const parts = [`$(error) ${s.errors}`, `$(warning) ${s.warnings}`];
  if (s.infos > 0) parts.push(`$(info) ${s.infos}`);
  return parts.join(' ');
}

export function presentStatus(s: PlanStatus): StatusPresentation {
  const problems = l10n.t('Errors: {0}, warnings: {1}, information and hints: {2}.', s.errors, s.warnings, s.infos);
  const click = l10n.t('Click to open the Problems panel.');
  if (s.kind === 'plan') {
    const share = s.pushShare;
    const entries = s.entries ?? 0;
    const shown = share === undefined || entries === 0 ? l10n.t('Push –') : l10n.t('Push {0}', percent(share));
    const lines = [
      `**${l10n.t('stratdoc: editorial plan')}**`,
      share === undefined || entries === 0
        ? l10n.t('This plan has no entries yet.')
        : l10n.t('Push share: {0} of {1} entries are push (advertising, offers, press releases; mixed entries count half).', percent(share), entries),
      l10n.t('The 80/20 rule: at most one post in five should sell. The other four tell stories, start a dialog, help, or show the people behind the brand.'),
      problems,
      click,
    ];
    return { text: `$(megaphone) ${shown} · ${counts(s)}`, tooltip: lines.join('\n\n') };
  }
  return {
    text: `$(compass) ${l10n.t('Strategy')} · ${counts(s)}`,
    tooltip: [`**${l10n.t('stratdoc: social media strategy')}**`, problems, click].join('\n\n'),
  };
}
