import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from './context';

export function completion(_ctx: ServiceContext, _uri: string, _pos: Position): CompletionItem[] {
  return [];
}
