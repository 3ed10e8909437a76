/** What the language service functions need from the server: the workspace and the user's language. */
import type { Workspace } from '../core/workspace';
import type { Lang, Text } from '../core/text';
import type { Finding } from '../core/engine';

export interface ServiceContext {
  ws: Workspace;
  lang(uri: string): Lang;
  today(): string;
  /** Current findings per document (fresh). */
  findings(): Map<string, Finding[]>;
  /** A file's current text (the editor's when open), for files that are no document. */
  text?(uri: string): string | undefined;
}

export function say(ctx: ServiceContext, uri: string, text: Text): string {
  return text[ctx.lang(uri)];
}

/** Caps on result lists, so a huge workspace never floods the editor. */
export const MAX_RESULTS = 1000;
