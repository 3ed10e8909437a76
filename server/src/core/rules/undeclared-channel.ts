import type { Rule } from './api';
import { t } from '../text';
import type { FixSpec, ParsedDocument, PlanEntry } from '../model';
import { closest } from '../vocab';
import { joinList, writtenId } from '../query';

/** The word of a channel cell that names the channel (what `channelSlug` reads), with its offset. */
function channelWord(doc: ParsedDocument, entry: PlanEntry): { text: string; start: number } | undefined {
  const r = entry.channel!.range;
  const a = doc.lines.offsetAt(r.start);
  const s = doc.lines.source.slice(a, doc.lines.offsetAt(r.end));
  const m = /[^\s(,;:/*_`@"'|]+/.exec(s);
  return m ? { text: m[0], start: a + m.index } : undefined;
}

/** The channel's name written in the style of the original word: lowercase stays lowercase. */
function styled(original: string, name: string): string {
  if (original === original.toLowerCase()) return name.toLowerCase();
  if (/^\p{Lu}/u.test(original) && name === name.toLowerCase()) return name[0].toUpperCase() + name.slice(1);
  return name;
}

/** docs/rules/README.md: a plan entry on a channel that the channel plan does not have */
export const rule: Rule = {
  meta: {
    id: 'undeclared-channel',
    severity: 'warning',
    scope: 'entry',
    description: t(
      "A plan entry on a channel that the strategy's channel plan does not have.",
      'Ein Planeintrag auf einem Kanal, den der Kanalplan der Strategie nicht enthält.',
    ),
    fixable: true,
  },
  check(ctx) {
    const { project } = ctx;
    const strategy = project.strategy;
    const channels = project.channels;
    if (!strategy || !channels.length) return;
    const declared = project.ids('channel');
    const list = channels.filter((c) => project.lookup('channel', c.id) === c).map((c) => `'${writtenId(project, c)}'`);
    for (const { doc, entry } of project.entries()) {
      const ref = entry.channel;
      if (!ref || project.lookup('channel', ref.id)) continue;
      const word = channelWord(doc, entry);
      const shown = word?.text ?? ref.id;
      // A typo ("Instagramm") or a short form ("Insta") of exactly one declared channel.
      const key = ref.id.toLowerCase();
      const prefixOf = key.length >= 4 ? declared.filter((d) => d.toLowerCase().startsWith(key)) : [];
      const near = closest(ref.id, declared) ?? (prefixOf.length === 1 ? prefixOf[0] : undefined);
      const target = near !== undefined ? project.lookup('channel', near) : undefined;
      const fixes: FixSpec[] = [];
      let suggestion: string | undefined;
      if (target && word) {
        suggestion = styled(word.text, writtenId(project, target));
        fixes.push({
          title: t(`Change to '${suggestion}'`, `Ändern in '${suggestion}'`),
          edits: [{ uri: doc.uri, edits: [{ range: doc.lines.rangeOf(word.start, word.start + word.text.length), newText: suggestion }] }],
          preferred: true,
        });
      }
      ctx.report({
        uri: doc.uri,
        range: ref.range,
        fixes: fixes.length ? fixes : undefined,
        message: suggestion
          ? t(
              `'${shown}' is not a channel of the channel plan: did you mean '${suggestion}'? Declared: ${joinList(list, 'en')}.`,
              `'${shown}' ist kein Kanal des Kanalplans: meinten Sie '${suggestion}'? Im Kanalplan: ${joinList(list, 'de')}.`,
            )
          : t(
              `'${shown}' is not a channel of the channel plan (${joinList(list, 'en')}): add it to the channel plan with why and resources, or plan this entry on a declared channel.`,
              `'${shown}' ist kein Kanal des Kanalplans (${joinList(list, 'de')}): Nehmen Sie ihn mit Begründung und Ressourcen in den Kanalplan auf, oder planen Sie diesen Eintrag auf einem vorhandenen Kanal.`,
            ),
      });
    }
  },
};
