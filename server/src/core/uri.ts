/** URI helpers: documents are keyed by URI strings (`file:///…`, `untitled:…`). */
import { fileURLToPath, pathToFileURL } from 'node:url';

export function toUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

export function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The folder of a URI, with a trailing slash. */
export function dirnameUri(uri: string): string {
  const i = uri.lastIndexOf('/');
  return i >= 0 ? uri.slice(0, i + 1) : uri;
}

export function basenameUri(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** Resolves a relative path against a document's URI; undefined when that is impossible. */
export function resolveUri(from: string, rel: string): string | undefined {
  try {
    return new URL(rel.replace(/\\/g, '/'), from).href;
  } catch {
    return undefined;
  }
}

/** The parent folder of a folder URI (with trailing slash); undefined at the root. */
export function parentFolder(folder: string): string | undefined {
  const trimmed = folder.endsWith('/') ? folder.slice(0, -1) : folder;
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return undefined;
  const parent = trimmed.slice(0, i + 1);
  if (parent === folder || parent.endsWith('//') || parent.length < 'file:///'.length) return undefined;
  return parent;
}

/** A path relative to a folder URI, for messages ("plaene/q1.plan.yaml"). */
export function relativeUri(uri: string, folder: string): string {
  if (uri.startsWith(folder)) return decodeURIComponent(uri.slice(folder.length));
  return decodeURIComponent(uri);
}
