import type { Rule } from './api';
import { t } from '../text';
import { channelHasHow, channelName } from './channels';

/**
 * docs/rules/channel-without-how.md: a channel of the channel plan that says why, but
 * not how: no formats, frequency or tone (`Wie:`/`How:`, `Frequenz:`, `Formate:`,
 * `Tonalität:` …, not only a placeholder).
 */
export const rule: Rule = {
  meta: {
    id: 'channel-without-how',
    severity: 'information',
    local: true,
    scope: 'strategy',
    description: t(
      'A channel of the channel plan does not say how it is run: no formats, frequency or tone.',
      'Ein Kanal des Kanalplans sagt nicht, wie er bespielt wird: keine Formate, keine Frequenz, keine Tonalität.',
    ),
  },
  check(ctx) {
    for (const c of ctx.project.channels) {
      if (channelHasHow(c)) continue;
      const name = channelName(ctx.project, c.id);
      ctx.report({
        uri: c.uri,
        range: c.idRange,
        message: t(
          `Channel '${name}' does not say how it is run ('How:'): name its formats, how often you post (e.g. '3x/week', 'as needed') and its tone.`,
          `Der Kanal '${name}' sagt nicht, wie er bespielt wird ('Wie:'): Nennen Sie Formate, Frequenz (z. B. '3x/Woche', 'bei Bedarf') und Tonalität.`,
        ),
      });
    }
  },
};
