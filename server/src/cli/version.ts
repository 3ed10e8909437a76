/** The version of stratdoc (package.json), for the CLI's `--version` and SARIF. */
export { VERSION } from '../core/version';
