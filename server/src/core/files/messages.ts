/**
 * What the file policy says to the user (docs/cli.md "Files that cannot be checked"), in
 * both languages. The CLI and the server show the same texts; no system error text and
 * no JavaScript error text is ever part of them.
 */
import { t, type Text } from '../text';

/** A system error code (ENOENT, EACCES…) in words. */
export function reason(code: string): Text {
  if (code === 'ENOENT') return t('not found', 'nicht gefunden');
  if (code === 'EACCES' || code === 'EPERM') return t('permission denied', 'keine Berechtigung');
  if (code === 'EISDIR') return t('it is a folder', 'es ist ein Ordner');
  if (code === 'ENOTDIR') return t('not a folder', 'kein Ordner');
  if (code === 'ELOOP') return t('a loop of links', 'eine Schleife von Verknüpfungen');
  if (code === 'ENOSPC') return t('the disk is full', 'der Datenträger ist voll');
  if (code === 'EROFS') return t('read-only file system', 'schreibgeschütztes Dateisystem');
  return /^E[A-Z]+$/.test(code) ? t(code, code) : t('system error', 'Systemfehler');
}

export function fmtSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

export const FILE_MESSAGES = {
  notUtf8: (): Text =>
    t(
      'Skipped: the file is not UTF-8 text. Save it as UTF-8 to have it checked.',
      'Übersprungen: die Datei ist kein UTF-8-Text. Speichern Sie sie als UTF-8, damit sie geprüft wird.',
    ),
  binary: (): Text =>
    t(
      'Skipped: the file is binary, not text. Save it as UTF-8 to have it checked.',
      'Übersprungen: die Datei ist binär, kein Text. Speichern Sie sie als UTF-8, damit sie geprüft wird.',
    ),
  tooLarge: (max: number): Text =>
    t(
      `Skipped: the file is larger than ${fmtSize(max)} (maxFileSize in .stratdoc.yaml).`,
      `Übersprungen: die Datei ist größer als ${fmtSize(max)} (maxFileSize in .stratdoc.yaml).`,
    ),
  unreadable: (code: string): Text =>
    t(`Skipped: the file cannot be read (${reason(code).en}).`, `Übersprungen: die Datei lässt sich nicht lesen (${reason(code).de}).`),
  special: (): Text =>
    t(
      'Skipped: this is not a regular file (a pipe, a device or a socket); stratdoc reads only regular files.',
      'Übersprungen: das ist keine gewöhnliche Datei (eine Pipe, ein Gerät oder ein Socket); stratdoc liest nur gewöhnliche Dateien.',
    ),
  outside: (): Text =>
    t(
      'Skipped: a link to a file outside the workspace; stratdoc never reads outside the workspace root.',
      'Übersprungen: eine Verknüpfung auf eine Datei außerhalb des Arbeitsbereichs; stratdoc liest nie außerhalb des Arbeitsbereichs.',
    ),
};
