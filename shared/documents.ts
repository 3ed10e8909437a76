/**
 * The core's pure document checks the extension runs itself, before (or without) a
 * server: is a file a stratdoc document, which folders are never searched, how a
 * `stratdoc:` marker is read and written. The extension imports them from here only
 * (test/layout.test.ts), so what it uses of the core is this one list.
 */
export { kindOfFileName, kindOfMarker, readMarker } from '../server/src/core/parse/common';
export { SKIPPED_FOLDERS } from '../server/src/core/files/policy';
export { recognize, markerEdit, type Recognition } from '../server/src/core/recognize';
export { CONFIG_FILES } from './protocol';
