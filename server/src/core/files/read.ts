/**
 * Reading one file the way the CLI and the server both do (docs/security.md): only
 * regular files inside the workspace root, never more than the size limit in bytes
 * (plus a head of 4 KB to tell whether an oversized file would be a document), one
 * decoder. Opening uses O_NONBLOCK and checks the opened file, so a FIFO or a device
 * swapped in after the walk is never waited on nor read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** How much of an oversized or unreadable file is read to tell whether it would be a document. */
export const HEAD_BYTES = 4096;

export type Decoded = { text: string } | { error: 'binary' | 'encoding' };

/**
 * The one decoder (docs/cli.md "Files that cannot be checked"): UTF-8 with or without
 * BOM, UTF-16 LE or BE with BOM. Anything else is `binary` (NUL bytes without a UTF-16
 * BOM) or `encoding` (not valid UTF-8).
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    if (bytes.length % 2) return { error: 'encoding' };
    try {
      const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: false }).decode(bytes);
      if (text.includes('\0')) return { error: 'binary' };
      return { text };
    } catch {
      return { error: 'encoding' };
    }
  }
  const n = Math.min(bytes.length, 8000);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return { error: 'binary' };
  try {
    // ignoreBOM false (the default): a UTF-8 BOM is dropped.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: 'encoding' };
  }
}

/** Best-effort text of a file's first bytes, to read a marker from. */
export function lossyHead(bytes: Uint8Array): string {
  const d = decodeText(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  if ('text' in d) return d.text;
  return new TextDecoder('utf-8').decode(bytes).replace(/\0/g, '');
}

export type ReadResult =
  | { ok: true; text: string }
  /** Not read: `head` is what could be read safely (for the marker), `code` a system error code. */
  | { ok: false; why: 'special' | 'outside' | 'too-large' | 'binary' | 'encoding' | 'unreadable'; head: string; code?: string };

export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'EIO';
}

/** Whether `file` is `dir` or lies inside it (both absolute). */
export function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

/** The real path of a folder, or the folder itself when it cannot be resolved. */
export function realFolder(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/**
 * Reads a file under the policy. `boundary`: the real path of the workspace root the
 * file must stay inside (a link pointing out of it is not read).
 */
export function readDocumentFile(file: string, maxBytes: number, boundary?: string): ReadResult {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (e) {
    return { ok: false, why: 'unreadable', head: '', code: errorCode(e) };
  }
  if (boundary !== undefined && !isInside(real, boundary)) return { ok: false, why: 'outside', head: '' };
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO does not wait for a writer; it is refused below anyway.
    fd = fs.openSync(real, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, why: 'unreadable', head: '', code: errorCode(e) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, why: 'special', head: '' };
    if (st.size > maxBytes) {
      const head = Buffer.alloc(Math.min(HEAD_BYTES, st.size));
      const n = fs.readSync(fd, head, 0, head.length, 0);
      return { ok: false, why: 'too-large', head: lossyHead(head.subarray(0, n)) };
    }
    // Read at most maxBytes + 1: a file that grew since fstat is still caught.
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (let r = 1; r > 0 && n < buf.length; n += r) r = fs.readSync(fd, buf, n, buf.length - n, n);
    if (n > maxBytes) return { ok: false, why: 'too-large', head: lossyHead(buf.subarray(0, HEAD_BYTES)) };
    const bytes = buf.subarray(0, n);
    const d = decodeText(bytes);
    if ('error' in d) return { ok: false, why: d.error, head: lossyHead(bytes.subarray(0, HEAD_BYTES)) };
    return { ok: true, text: d.text };
  } catch (e) {
    return { ok: false, why: 'unreadable', head: '', code: errorCode(e) };
  } finally {
    fs.closeSync(fd);
  }
}
