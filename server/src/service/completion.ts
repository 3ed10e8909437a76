/**
 * Completion for strategies and plans, Markdown and YAML: IDs where a reference belongs,
 * enum values in the document's language, keys and `Key:` fields still missing on an
 * item, table cell values by column, and the headings of missing steps.
 *
 * What the cursor stands on comes from the model's position index (a plan table's
 * columns, a Markdown item's fields, CSV cells, a YAML mapping's keys and the top-level
 * keys, the half-typed lines the readers keep); of the text only the cursor's own line is
 * read (docs/decisions.md "Positions from the model").
 * The model also gives what is already there: the project's IDs, the document's sections,
 * and which field a key or column means (the core's mapping, completion-base.ts `keyField`).
 * Every item replaces the value being typed (a `textEdit`), so the client filters by it.
 *
 * The parts: completion-base.ts (environment, slots), completion-values.ts (IDs, enums),
 * completion-keys.ts (the keys of items and entries), completion-yaml.ts (YAML and front
 * matter), completion-markdown.ts (Markdown and CSV).
 */
import { type CompletionItem, type Position } from 'vscode-languageserver-types';
import { type Lang } from '../core/text';
import { MAX_RESULTS, type ServiceContext } from './context';
import { type Env, documentLanguage } from './completion-base';
import { yamlCompletion } from './completion-yaml';
import { csvCompletion, markdownCompletion } from './completion-markdown';

export function completion(ctx: ServiceContext, uri: string, pos: Position): CompletionItem[] {
  try {
    return completionAt(ctx, uri, pos);
  } catch {
    return [];
  }
}

/** The completion without the safety net (tests sweep it over every position of their fixtures). */
export function completionAt(ctx: ServiceContext, uri: string, pos: Position): CompletionItem[] {
  const doc = ctx.ws.get(uri);
  if (!doc || !pos || pos.line < 0 || pos.line >= doc.lines.lineCount || pos.character < 0) return [];
  const text = doc.lines.lineText(pos.line);
  if (pos.character > text.length) return [];
  let lang: Lang | undefined;
  const env: Env = {
    ctx,
    doc,
    project: ctx.ws.projectOf(uri),
    line: pos.line,
    ch: pos.character,
    text,
    ui: ctx.lang(uri),
    // Guessing the language reads the document's words: only when a value needs it.
    get lang() {
      return (lang ??= documentLanguage(this));
    },
  };
  const items = doc.format === 'yaml' ? yamlCompletion(env) : doc.format === 'csv' ? csvCompletion(env) : markdownCompletion(env);
  return items.slice(0, MAX_RESULTS);
}
