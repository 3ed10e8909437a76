import type { Rule } from './api';
import type { PlanEntry } from '../model';
import { t } from '../text';
import { MODES, enumLabel, inferMode, type Mode } from '../vocab';
import { activeEntries } from '../plan/entries';
import { setEntryField } from '../edit/entryedit';

/**
 * docs/rules/README.md: the entry's mode was inferred from its title or format (docs/format.md: the
 * inferred mode counts). Fix: write the inferred mode, in a German document with its
 * German word.
 */
export const rule: Rule = {
  meta: {
    id: 'mode-inferred',
    severity: 'hint',
    local: true,
    scope: 'entry',
    description: t(
      'A plan entry has no mode, so stratdoc inferred one from its title or format; it counts for push-ratio.',
      'Ein Eintrag des Plans hat keinen Modus, also hat stratdoc ihn aus Titel oder Format abgeleitet; er zählt für push-ratio.',
    ),
    fixable: true,
  },
  check(ctx) {
    // inferMode of single phrases, per check: titles of one plan repeat their words a lot.
    const memo: Memo = new Map();
    for (const doc of ctx.project.plans) {
      for (const entry of activeEntries(doc)) {
        const mode = entry.mode;
        if (!mode?.inferred) continue;
        const de = enumLabel(MODES, mode.value, 'de');
        const value = doc.language === 'de' ? de : mode.value;
        const edits = setEntryField(doc, entry, 'mode', value, ctx.project.derived);
        const clues = cluesOf(entry, mode.value, memo);
        const from = clues.words.length
          ? t(
              ` from ${clues.words.map((w) => `'${w}'`).join(', ')} in the ${clues.where.join(' and ')}`,
              ` aus ${clues.words.map((w) => `'${w}'`).join(', ')} ${clues.where.map((w) => (w === 'title' ? 'im Titel' : 'im Format')).join(' und ')}`,
            )
          : t(' from the title and format', ' aus Titel und Format');
        const counts =
          mode.value === 'push'
            ? t('it counts as push for push-ratio', 'er zählt für push-ratio als Push')
            : mode.value === 'mixed'
              ? t('it counts as half push for push-ratio', 'er zählt für push-ratio halb als Push')
              : t('it does not count as push for push-ratio', 'er zählt für push-ratio nicht als Push');
        ctx.report({
          uri: doc.uri,
          range: mode.range,
          message: t(
            `Mode '${mode.value}' was inferred${from.en}; ${counts.en}. Write the mode to confirm or correct it.`,
            `Modus '${de}' (${mode.value}) wurde${from.de} abgeleitet; ${counts.de}. Tragen Sie den Modus ein, um ihn zu bestätigen oder zu korrigieren.`,
          ),
          fixes: edits
            ? [
                {
                  title: t(`Write mode: ${value}`, `Modus eintragen: ${value}`),
                  edits: [{ uri: doc.uri, edits }],
                  preferred: true,
                  // The mode written is the one already counted (docs/decisions.md "Fixing for you").
                  safe: true,
                },
              ]
            : undefined,
        });
      }
    }
  },
};

type Memo = Map<string, Mode | null>;

function inferOne(phrase: string, kind: 'title' | 'format', memo: Memo): Mode | undefined {
  const k = kind[0] + phrase;
  let m = memo.get(k);
  if (m === undefined) {
    m = (kind === 'title' ? inferMode(phrase, '') : inferMode('', phrase)) ?? null;
    memo.set(k, m);
  }
  return m ?? undefined;
}

/** The words of the title (and format) that made inferMode choose `mode`. */
function cluesOf(entry: PlanEntry, mode: Mode, memo: Memo): { words: string[]; where: ('title' | 'format')[] } {
  const wanted = (m: Mode | undefined) => !!m && (m === mode || (mode === 'mixed' && (m === 'push' || m === 'story')));
  const out: string[] = [];
  const where: ('title' | 'format')[] = [];
  const scan = (text: string | undefined, kind: 'title' | 'format') => {
    if (!text) return;
    const tokens = text
      .split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, ''))
      .filter(Boolean);
    const single = tokens.map((w) => wanted(inferOne(w, kind, memo)));
    const used = new Array<boolean>(tokens.length).fill(false);
    const found: { at: number; phrase: string }[] = [];
    for (let n = 3; n >= 1; n--) {
      for (let i = 0; i + n <= tokens.length; i++) {
        if (used.slice(i, i + n).some(Boolean)) continue;
        // A longer phrase only counts when it means more than its words do on their own.
        if (n > 1 && single.slice(i, i + n).some(Boolean)) continue;
        const phrase = tokens.slice(i, i + n).join(' ');
        if (!(n === 1 ? single[i] : wanted(inferOne(phrase, kind, memo)))) continue;
        for (let j = i; j < i + n; j++) used[j] = true;
        found.push({ at: i, phrase });
      }
    }
    found.sort((a, b) => a.at - b.at);
    for (const f of found) if (!out.includes(f.phrase)) out.push(f.phrase);
    if (found.length) where.push(kind);
  };
  scan(entry.title?.value, 'title');
  scan(entry.format?.value, 'format');
  return { words: out, where };
}
