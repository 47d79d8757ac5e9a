// The share-link codec: every scenario survives a round trip, damaged links are refused with a code
// (cut short, changed, unknown version, foreign characters, not a network), and a small link that
// unpacks into a huge text is stopped at the limit instead of hanging.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  decodeSharePayload,
  decodeShareText,
  encodeSharePayload,
  encodeShareText,
  fromBase64Url,
  LONG_LINK_CHARS,
  longLinkWarning,
  MAX_SHARED_BYTES,
  SHARE_LINK_VERSION,
  sharePayloadFromHash,
  shareUrl,
  toBase64Url,
  withoutShareHash,
} from '../../../../src/app/share/link.ts';
import { loadDocument, serializeDocument, type Document } from '../../../../src/model/index.ts';

const SCENARIOS = fileURLToPath(new URL('../../../../scenarios/', import.meta.url));
const names = readdirSync(SCENARIOS)
  .filter((n) => n.endsWith('.json'))
  .sort();

function scenario(name: string): Document {
  const loaded = loadDocument(readFileSync(`${SCENARIOS}${name}`, 'utf8'));
  if (!loaded.document) throw new Error(`${name} does not load`);
  return loaded.document;
}

/** Deflate-raw of `bytes`, for hand-made payloads. */
async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function payloadOf(data: string): string {
  return `${SHARE_LINK_VERSION}.${data.length}.${data}`;
}

describe('share link codec', () => {
  it('has scenarios to round-trip', () => {
    expect(names.length).toBeGreaterThan(10);
  });

  it.each(names)('round-trips %s', async (name) => {
    const document = scenario(name);
    const payload = await encodeSharePayload(document);
    expect(payload).toMatch(/^1\.\d+\.[A-Za-z0-9_-]+$/);
    const decoded = await decodeSharePayload(payload);
    if (!decoded.ok) throw new Error(`${decoded.code}: ${decoded.message}`);
    expect(serializeDocument(decoded.document)).toBe(serializeDocument(document));
    expect(decoded.document).toEqual(document);
  });

  it('makes a link of reasonable length for the biggest scenario', async () => {
    const sized = names.map((name) => ({ name, size: readFileSync(`${SCENARIOS}${name}`, 'utf8').length }));
    const biggest = sized.reduce((a, b) => (b.size > a.size ? b : a));
    const url = shareUrl('https://vpcsim.example/app/?scenario=x', await encodeSharePayload(scenario(biggest.name)));
    console.log(
      `share link for ${biggest.name} (${biggest.size} characters of JSON): ${url.length} characters\n${url}`,
    );
    expect(url.length).toBeLessThan(biggest.size / 2);
    expect(url.length).toBeLessThan(LONG_LINK_CHARS);
    expect(longLinkWarning(url.length)).toBeUndefined();
    expect(longLinkWarning(LONG_LINK_CHARS + 1)).toBeDefined();
  });

  it('keeps any text, including characters beyond ASCII', async () => {
    for (const text of ['{}', 'Réseau “prod” – 東京 🚀', 'x'.repeat(100_000)]) {
      const decoded = await decodeShareText(await encodeShareText(text));
      expect(decoded).toEqual({ ok: true, text });
    }
  });

  it('base64url round-trips every length and byte value', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 31) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(text)).toEqual(bytes);
      expect(Buffer.from(bytes).toString('base64url')).toBe(text);
    }
    expect(fromBase64Url('abcde')).toBeUndefined(); // 5 characters cannot come from whole bytes
    expect(fromBase64Url('ab+/')).toBeUndefined(); // plain base64, not base64url
  });

  it('refuses a link cut short', async () => {
    const payload = await encodeSharePayload(scenario('public-private-nat.json'));
    for (const cut of [1, 2, 3, 10, Math.floor(payload.length / 2)]) {
      const decoded = await decodeSharePayload(payload.slice(0, payload.length - cut));
      expect(decoded).toMatchObject({ ok: false, code: 'share-truncated' });
    }
  });

  it('refuses a changed link', async () => {
    const payload = await encodeSharePayload(scenario('public-private-nat.json'));
    const data = payload.slice(payload.lastIndexOf('.') + 1);
    const head = payload.slice(0, payload.length - data.length);
    const codes = new Set<string>();
    // Flip one character at several places: whatever it turns into, it never opens as a network.
    for (const at of [0, 5, 40, Math.floor(data.length / 2), data.length - 2]) {
      const flipped = data[at] === 'A' ? 'B' : 'A';
      const decoded = await decodeSharePayload(`${head}${data.slice(0, at)}${flipped}${data.slice(at + 1)}`);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) codes.add(decoded.code);
    }
    for (const code of codes) expect(['share-corrupt', 'share-not-document']).toContain(code);
    // Extra characters on the end are not a longer link either.
    expect(await decodeSharePayload(`${payload}AAAA`)).toMatchObject({ ok: false, code: 'share-corrupt' });
    // Random data of the declared length.
    expect(await decodeSharePayload(payloadOf('QUJDREVGR0hJSktMTU5PUA'))).toMatchObject({
      ok: false,
      code: 'share-corrupt',
    });
  });

  it('refuses unknown versions, missing parts and foreign characters', async () => {
    const payload = await encodeSharePayload(scenario('default-vpc.json'));
    const rest = payload.slice(2);
    expect(await decodeSharePayload(`2.${rest}`)).toMatchObject({ ok: false, code: 'share-version' });
    expect(await decodeSharePayload(`99.${rest}`)).toMatchObject({ ok: false, code: 'share-version' });
    expect(await decodeSharePayload(rest.slice(rest.indexOf('.') + 1))).toMatchObject({
      ok: false,
      code: 'share-version',
    });
    expect(await decodeSharePayload('')).toMatchObject({ ok: false, code: 'share-empty' });
    expect(await decodeSharePayload('1.0.')).toMatchObject({ ok: false, code: 'share-empty' });
    expect(await decodeSharePayload('1.abc')).toMatchObject({ ok: false, code: 'share-corrupt' });
    expect(await decodeSharePayload(payloadOf('ab$d'))).toMatchObject({ ok: false, code: 'share-encoding' });
    expect(await decodeSharePayload(payloadOf('%20%20'))).toMatchObject({ ok: false, code: 'share-encoding' });
  });

  it('refuses a text that is not a network', async () => {
    expect(await decodeSharePayload(await encodeShareText('not json at all'))).toMatchObject({
      ok: false,
      code: 'share-not-document',
    });
    expect(await decodeSharePayload(await encodeShareText('{"format":"vpcsim/99","topology":{}}'))).toMatchObject({
      ok: false,
      code: 'share-not-document',
    });
    const notUtf8 = toBase64Url(await deflateRaw(Uint8Array.from([0xff, 0xfe, 0xfd])));
    expect(await decodeSharePayload(payloadOf(notUtf8))).toMatchObject({ ok: false, code: 'share-corrupt' });
  });

  it('stops unpacking at the size limit instead of hanging', async () => {
    // 64 MB of zeros packs into about 64 KB: a small link that would unpack far past the limit.
    const bomb = toBase64Url(await deflateRaw(new Uint8Array(64 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    const decoded = await decodeShareText(payloadOf(bomb));
    expect(decoded).toMatchObject({ ok: false, code: 'share-too-large' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(MAX_SHARED_BYTES).toBe(20 * 1024 * 1024);
    // A lower limit applies the same way.
    const small = await encodeShareText('y'.repeat(5000));
    expect(await decodeShareText(small, { maxBytes: 1000 })).toMatchObject({ ok: false, code: 'share-too-large' });
    expect(await decodeShareText(small, { maxBytes: 5000 })).toMatchObject({ ok: true });
  });

  it('reads and writes the #doc= fragment', () => {
    expect(sharePayloadFromHash('#doc=1.4.abcd')).toBe('1.4.abcd');
    expect(sharePayloadFromHash('doc=1.4.abcd')).toBe('1.4.abcd');
    expect(sharePayloadFromHash('#doc=')).toBe('');
    expect(sharePayloadFromHash('')).toBeUndefined();
    expect(sharePayloadFromHash('#section-2')).toBeUndefined();
    expect(shareUrl('http://127.0.0.1:4301/?scenario=a.json#old', '1.4.abcd')).toBe(
      'http://127.0.0.1:4301/#doc=1.4.abcd',
    );
    expect(withoutShareHash('http://127.0.0.1:4301/?scenario=a.json#doc=1.4.abcd')).toBe(
      'http://127.0.0.1:4301/?scenario=a.json',
    );
    expect(withoutShareHash('http://127.0.0.1:4301/#other')).toBe('http://127.0.0.1:4301/#other');
  });
});
