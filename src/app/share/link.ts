// Share links: the whole document in the URL's fragment, `#doc=1.<n>.<base64url of deflate-raw of its JSON>`
// (n = the data's length, so a link cut short is told from a changed one), so a network travels without a server.
import { loadDocument, serializeDocument, type Diagnostic, type Document } from '../../model/index.ts';

/** The fragment key that carries a shared document. */
export const SHARE_HASH_KEY = 'doc';

/** The payload format written by this version; a link with another one is refused, not guessed. */
export const SHARE_LINK_VERSION = '1';

/** Inflating stops beyond this many bytes: no network is that big, and a crafted link must not hang the page. */
export const MAX_SHARED_BYTES = 20 * 1024 * 1024;

/** Payloads longer than this are refused before decoding (browsers cut URLs at about 2 MB anyway). */
export const MAX_PAYLOAD_CHARS = 8 * 1024 * 1024;

/**
 * Beyond this many characters a link is at risk: some chat tools, e-mail clients and link shorteners cut
 * or refuse longer URLs (the oldest ones at about 2,000). Browsers themselves take far more (Chromium 2 MB),
 * and the fragment is never sent to a server, so server limits do not apply.
 */
export const LONG_LINK_CHARS = 8000;

/** The warning for a link long enough to be cut on its way, or undefined. */
export function longLinkWarning(length: number): string | undefined {
  return length > LONG_LINK_CHARS
    ? `The link is ${length.toLocaleString('en')} characters long: some chat tools and e-mail clients cut links longer than about ${LONG_LINK_CHARS.toLocaleString('en')} characters. If it arrives cut short, send the saved file (Save) instead.`
    : undefined;
}

export type ShareErrorCode =
  | 'share-empty'
  | 'share-version'
  | 'share-encoding'
  | 'share-truncated'
  | 'share-corrupt'
  | 'share-too-large'
  | 'share-not-document';

export interface ShareError {
  ok: false;
  code: ShareErrorCode;
  message: string;
}

export type DecodedText = { ok: true; text: string } | ShareError;

export type DecodedDocument = { ok: true; document: Document; diagnostics: Diagnostic[] } | ShareError;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/** base64url without padding (RFC 4648 5): safe in a fragment as it is. */
export function toBase64Url(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const left = bytes.length - i;
    out.push(ALPHABET[(n >> 18) & 63] ?? '', ALPHABET[(n >> 12) & 63] ?? '');
    if (left > 1) out.push(ALPHABET[(n >> 6) & 63] ?? '');
    if (left > 2) out.push(ALPHABET[n & 63] ?? '');
  }
  return out.join('');
}

/** The bytes of a base64url string, or undefined when it holds another character or an impossible length. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of text) {
    const v = VALUES.get(char);
    if (v === undefined) return undefined;
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const DAMAGED = 'The link is damaged: its data is not a packed network (was it changed on the way?).';

function failure(code: ShareErrorCode, message: string): ShareError {
  return { ok: false, code, message };
}

/** Inflates at most `maxBytes`, reading as it goes so a small bomb is stopped early instead of filling memory. */
async function inflate(
  bytes: Uint8Array<ArrayBuffer>,
  maxBytes: number,
): Promise<{ ok: true; bytes: Uint8Array } | ShareError> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = (async () => {
    await writer.write(bytes);
    await writer.close();
  })();
  // Errors also reach the reader; this keeps the writer's copy from being reported as unhandled.
  writing.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return failure(
          'share-too-large',
          `The shared network is larger than ${Math.round(maxBytes / (1024 * 1024))} MB once unpacked, so it was not opened.`,
        );
      }
      chunks.push(value);
    }
    await writing;
  } catch {
    await writing.catch(() => undefined);
    return failure('share-corrupt', DAMAGED);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes: out };
}

/** The text a link carries: the document's JSON without indentation (smaller once packed). */
function compactJson(document: Document): string {
  return JSON.stringify(JSON.parse(serializeDocument(document)));
}

/** `1.<n>.<base64url of deflate-raw of the document's JSON>`, the value of `#doc=`. */
export async function encodeSharePayload(document: Document): Promise<string> {
  return encodeShareText(compactJson(document));
}

/** Packs any text as a payload (the document path above, and tests of odd texts). */
export async function encodeShareText(text: string): Promise<string> {
  const data = toBase64Url(await deflate(new TextEncoder().encode(text)));
  return `${SHARE_LINK_VERSION}.${data.length}.${data}`;
}

/** The text a payload carries, or why it cannot be read. Never throws. */
export async function decodeShareText(payload: string, options: { maxBytes?: number } = {}): Promise<DecodedText> {
  const trimmed = payload.trim();
  if (trimmed === '') return failure('share-empty', 'The link carries no network (nothing after #doc=).');
  if (trimmed.length > MAX_PAYLOAD_CHARS) {
    return failure('share-too-large', `The link is longer than ${MAX_PAYLOAD_CHARS} characters, so it was not opened.`);
  }
  const dot = trimmed.indexOf('.');
  const version = dot < 0 ? '' : trimmed.slice(0, dot);
  if (version !== SHARE_LINK_VERSION) {
    return failure(
      'share-version',
      dot < 0 || !/^\d{1,4}$/.test(version)
        ? 'The link is damaged: it does not start with a version number.'
        : `The link was made by another version of vpcsim (format ${version}); this one reads format ${SHARE_LINK_VERSION}.`,
    );
  }
  const rest = trimmed.slice(dot + 1);
  const lengthEnd = rest.indexOf('.');
  const declared = lengthEnd < 0 ? '' : rest.slice(0, lengthEnd);
  if (!/^\d{1,9}$/.test(declared)) return failure('share-corrupt', DAMAGED);
  const data = rest.slice(lengthEnd + 1);
  if (data.length < Number(declared)) {
    return failure(
      'share-truncated',
      `The link is damaged: it is cut short (${data.length} of ${declared} characters of data arrived; copy the whole link).`,
    );
  }
  if (data.length > Number(declared)) return failure('share-corrupt', DAMAGED);
  const bytes = fromBase64Url(data);
  if (bytes === undefined) {
    return failure('share-encoding', 'The link is damaged: it holds characters a share link never has.');
  }
  if (bytes.length === 0) return failure('share-empty', 'The link carries no network (no data after the version).');
  const inflated = await inflate(bytes, options.maxBytes ?? MAX_SHARED_BYTES);
  if (!inflated.ok) return inflated;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes) };
  } catch {
    return failure('share-corrupt', 'The link is damaged: its data is not text.');
  }
}

/** The document a payload carries; a text that is not a loadable document is refused like a damaged link. */
export async function decodeSharePayload(
  payload: string,
  options: { maxBytes?: number } = {},
): Promise<DecodedDocument> {
  const decoded = await decodeShareText(payload, options);
  if (!decoded.ok) return decoded;
  const loaded = loadDocument(decoded.text);
  const fatal = loaded.diagnostics.filter((d) => d.severity === 'fatal');
  if (!loaded.document || fatal.length > 0) {
    return failure(
      'share-not-document',
      `The link is damaged: what it carries is not a network${fatal[0] ? ` (${fatal[0].message})` : ''}.`,
    );
  }
  return { ok: true, document: loaded.document, diagnostics: loaded.diagnostics };
}

/** The payload of a `#doc=...` fragment (possibly empty), or undefined when the fragment is something else. */
export function sharePayloadFromHash(hash: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${SHARE_HASH_KEY}=`;
  return fragment.startsWith(prefix) ? fragment.slice(prefix.length) : undefined;
}

/**
 * The link to the page at `href` carrying `payload`: its query is left out, since `?scenario=` would
 * make the receiver's editor open (and ask about) a scenario under the shared network.
 */
export function shareUrl(href: string, payload: string): string {
  const url = new URL(href);
  return `${url.origin}${url.pathname}#${SHARE_HASH_KEY}=${payload}`;
}

/** `href` without a `#doc=` fragment (any other fragment is kept). */
export function withoutShareHash(href: string): string {
  const url = new URL(href);
  if (sharePayloadFromHash(url.hash) === undefined) return href;
  url.hash = '';
  return url.href.replace(/#$/, '');
}
