/** The version of stratdoc, taken from package.json when the CLI is bundled. */
import { version } from '../../../package.json';

export const VERSION: string = version;
