/** The version of stratdoc, taken from package.json when bundled (only `version` is kept). */
import { version } from '../../../package.json';

export const VERSION: string = version;
