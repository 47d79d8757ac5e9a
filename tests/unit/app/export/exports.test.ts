// The export helpers: file names from the document, the Terraform and SVG builders (pure), and the
// one download helper every file goes through (a Blob behind a clicked link, revoked afterwards).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, downloadText, fileSlug } from '../../../../src/app/download.ts';
import { buildSvg, buildTerraform, exportTitle, pngName } from '../../../../src/app/export/exports.ts';
import { loadDocument, type Document } from '../../../../src/model/index.ts';
import { selectAnalysis, createEditorStore } from '../../../../src/store/index.ts';

function scenario(name: string): Document {
  const path = fileURLToPath(new URL(`../../../../scenarios/${name}`, import.meta.url));
  const loaded = loadDocument(readFileSync(path, 'utf8'));
  if (!loaded.document) throw new Error(`${name} does not load`);
  return loaded.document;
}

describe('file names', () => {
  it('come from the file or scenario name, else the title', () => {
    const doc = scenario('public-private-nat.json');
    expect(fileSlug(doc, { kind: 'scenario', name: 'public-private-nat.json' })).toBe('public-private-nat');
    expect(fileSlug(doc, { kind: 'file', name: 'My Network (v2).JSON' })).toBe('my-network-v2');
    expect(fileSlug({ ...doc, meta: { title: 'Prod / eu-west-1' } }, { kind: 'new' })).toBe('prod-eu-west-1');
    expect(fileSlug({ ...doc, meta: { title: '***' } }, { kind: 'new' })).toBe('network');
    expect(fileSlug({ format: 'vpcsim/1', topology: {} }, { kind: 'new' })).toBe('network');
    expect(pngName(doc, { kind: 'file', name: 'a.json' })).toBe('a.png');
  });

  it('titles the picture with the document title, else the name it was opened under', () => {
    const doc = scenario('public-private-nat.json');
    expect(exportTitle(doc, { kind: 'new' })).toBe(doc.meta?.title);
    const untitled = { format: 'vpcsim/1', topology: {} } as Document;
    expect(exportTitle(untitled, { kind: 'file', name: 'x.json' })).toBe('x.json');
    expect(exportTitle(untitled, { kind: 'new' })).toBe('Untitled network');
  });
});

describe('builders', () => {
  it('Terraform: <slug>.tf with the VPC as a resource and the notes of what it leaves out', () => {
    const doc = scenario('tgw-centralized-egress.json');
    const out = buildTerraform(doc, { kind: 'scenario', name: 'tgw-centralized-egress.json' });
    expect(out.name).toBe('tgw-centralized-egress.tf');
    expect(out.type).toMatch(/^text\/plain/);
    expect(out.text).toContain('resource "aws_vpc"');
    expect(Array.isArray(out.notes)).toBe(true);
  });

  it('SVG: <slug>.svg, a standalone picture with the diagnostics given', () => {
    const doc = scenario('public-private-nat.json');
    const state = createEditorStore({ document: doc, source: { kind: 'new' } }).getState();
    const out = buildSvg(doc, { kind: 'file', name: 'net.json' }, selectAnalysis(state).diagnostics);
    expect(out.name).toBe('net.svg');
    expect(out.type).toMatch(/^image\/svg\+xml/);
    expect(out.text).toMatch(/^(<\?xml[^>]*>\s*)?<svg\b/);
    expect(out.text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(out.text.trimEnd()).toMatch(/<\/svg>$/);
  });
});

describe('download helper', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('clicks a link to an object URL named as asked, then revokes the URL', async () => {
    vi.useFakeTimers();
    const clicked: { href: string; download: string }[] = [];
    const link = {
      href: '',
      download: '',
      click() {
        clicked.push({ href: this.href, download: this.download });
      },
    };
    vi.stubGlobal('window', {
      document: { createElement: (tag: string) => (tag === 'a' ? link : undefined) },
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    });
    const created: Blob[] = [];
    const revoked: string[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return `blob:test/${created.length}`;
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
    try {
      downloadText('resource "aws_vpc" "main" {}\n', 'net.tf', 'text/plain');
      downloadBlob(new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'net.png');
      expect(clicked).toEqual([
        { href: 'blob:test/1', download: 'net.tf' },
        { href: 'blob:test/2', download: 'net.png' },
      ]);
      expect(await created[0]?.text()).toBe('resource "aws_vpc" "main" {}\n');
      expect(created[0]?.type).toBe('text/plain');
      expect(created[1]?.type).toBe('image/png');
      // Revoked only after the click has been handled.
      expect(revoked).toEqual([]);
      vi.runAllTimers();
      expect(revoked).toEqual(['blob:test/1', 'blob:test/2']);
    } finally {
      create.mockRestore();
      revoke.mockRestore();
    }
  });
});
