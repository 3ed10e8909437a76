/**
 * The one file policy of the CLI and the language server (docs/security.md): the walker,
 * the reader and decoder, the config-glob matcher and the safe writer. No LSP import.
 */
export * from './policy';
export * from './glob';
export * from './read';
export * from './walk';
export * from './write';
export * from './messages';
export { applyRead, loadFile, readConfigFile, skipMessage } from './load';
