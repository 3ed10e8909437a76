/**
 * The bytes of a push of diagnostics (`textDocument/publishDiagnostics`), made from pieces
 * kept per finding (docs/decisions.md "What a keystroke costs"). A keystroke republishes
 * the edited document's whole list (the protocol has no delta; the editor needs each
 * version's diagnostics), and nearly all of its findings are the same objects as in the
 * last publish: their JSON is the same. So for an open document the UTF-8 JSON of each
 * finding's diagnostic is kept from its last publish and the message is those pieces
 * copied one after the other; only the findings made anew are converted, stringified and
 * encoded. The message is byte for byte what `JSON.stringify` of the same notification gives
 * (test/lsp/wire.test.ts).
 *
 * The pieces are kept per open document for the findings of its last publish only (a
 * new map each publish, dropped with a publish of a closed document): about the size of
 * that document's JSON, nothing for the rest of the workspace.
 */
import type { Message, NotificationMessage, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Finding } from '../core/engine';
import type { Lang } from '../core/text';
import { toDiagnostic, toDiagnostics } from '../service/diagnostics';

interface Pending {
  uri: string;
  version: number | undefined;
  findings: Finding[];
  lang: Lang;
  keep: boolean;
}

const COMMA = Buffer.from(',');

export class DiagnosticsWire {
  /** Per open document: the language and each finding's piece of its last publish. */
  private readonly kept = new Map<string, { lang: Lang; pieces: Map<Finding, Buffer> }>();
  /** The publishes made by `params` and not written yet, under their params object. */
  private readonly pending = new WeakMap<object, Pending>();
  /** Pieces made anew in the last message, for tests. */
  made = 0;

  /**
   * The params of a publish, for `connection.sendDiagnostics`. Their `diagnostics` are
   * made when read (a trace, a transport that does not use `encode`); `encode` writes the
   * message from the pieces instead. `keep`: the document is open (its pieces are kept).
   */
  params(uri: string, version: number | undefined, findings: Finding[], lang: Lang, keep: boolean): PublishDiagnosticsParams {
    let diagnostics: Diagnostic[] | undefined;
    const params = {
      uri,
      version,
      get diagnostics(): Diagnostic[] {
        return (diagnostics ??= toDiagnostics(findings, lang));
      },
    };
    this.pending.set(params, { uri, version, findings, lang, keep });
    if (!keep) this.kept.delete(uri);
    return params;
  }

  /**
   * The content of a message (what lsp/transport.ts FrameWriter writes as a frame's body): a publish
   * made by `params` from its pieces, any other message as vscode-jsonrpc encodes it.
   */
  encode(msg: Message, charset: BufferEncoding = 'utf8'): Buffer {
    const params = (msg as NotificationMessage).params;
    const p = params && typeof params === 'object' ? this.pending.get(params) : undefined;
    if (!p || (charset !== 'utf8' && charset !== ('utf-8' as BufferEncoding)) || !p.keep) return Buffer.from(JSON.stringify(msg, undefined, 0), charset);
    this.pending.delete(params as object);
    return this.message(msg, p);
  }

  private message(msg: Message, p: Pending): Buffer {
    const was = this.kept.get(p.uri);
    const old = was?.lang === p.lang ? was.pieces : undefined;
    const pieces = new Map<Finding, Buffer>();
    // What JSON.stringify gives for the notification, around the list of diagnostics.
    const shell = JSON.stringify({
      jsonrpc: msg.jsonrpc,
      method: (msg as NotificationMessage).method,
      params: { uri: p.uri, version: p.version, diagnostics: [] },
    });
    const head = Buffer.from(shell.slice(0, -3), 'utf8');
    const tail = Buffer.from(shell.slice(-3), 'utf8');
    const list: Buffer[] = [head];
    let length = head.length + tail.length;
    let made = 0;
    for (const f of p.findings) {
      let piece = pieces.get(f) ?? old?.get(f);
      if (!piece) {
        piece = Buffer.from(JSON.stringify(toDiagnostic(f, p.lang)), 'utf8');
        made++;
      }
      pieces.set(f, piece);
      if (list.length > 1) {
        list.push(COMMA);
        length++;
      }
      list.push(piece);
      length += piece.length;
    }
    list.push(tail);
    this.kept.set(p.uri, { lang: p.lang, pieces });
    this.made = made;
    return Buffer.concat(list, length);
  }
}
