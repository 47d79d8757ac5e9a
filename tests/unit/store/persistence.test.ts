// persistEditor / restoreEditor: a round trip through an in-memory storage, and corrupt entries
// reported as errors, never thrown.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/index.ts';
import {
  EDITOR_STORAGE_FORMAT,
  createEditorStore,
  createResource,
  markSaved,
  moveNodes,
  persistEditor,
  replaceDocument,
  restoreEditor,
  type EditorStorage,
} from '../../../src/store/index.ts';

function scenario(name: string): Document {
  const path = fileURLToPath(new URL(`../../../scenarios/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Document;
}

class MemoryStorage implements EditorStorage {
  readonly items = new Map<string, string>();
  writes = 0;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes++;
    this.items.set(key, value);
  }
}

const KEY = 'vpcsim.editor';

describe('persistence', () => {
  it('round-trips the document, its source and its dirty flag', () => {
    const storage = new MemoryStorage();
    const s = createEditorStore({ document: scenario('public-private-nat'), source: { kind: 'scenario', name: 'p' } });
    const stop = persistEditor(s, storage, KEY);
    // Nothing is written before the first change.
    expect(storage.writes).toBe(0);
    createResource(s, { kind: 'securityGroup', vpcId: 'vpc-main' });
    moveNodes(s, { 'vpc-main': { x: 5, y: 6 } });
    expect(storage.writes).toBe(2);
    const restored = restoreEditor(storage, KEY);
    expect(restored).toEqual({ document: s.getState().document, source: { kind: 'scenario', name: 'p' }, dirty: true });

    markSaved(s, { kind: 'file', name: 'mine.json' });
    expect(restoreEditor(storage, KEY)).toMatchObject({ source: { kind: 'file', name: 'mine.json' }, dirty: false });

    replaceDocument(s, scenario('default-vpc'), { kind: 'new' });
    expect(restoreEditor(storage, KEY)).toMatchObject({ source: { kind: 'new' }, dirty: false });
    stop();
    createResource(s, { kind: 'externalHost' });
    expect(restoreEditor(storage, KEY)).not.toMatchObject({ document: s.getState().document });
  });

  it('restored state opens a dirty store', () => {
    const storage = new MemoryStorage();
    const s = createEditorStore({ document: scenario('default-vpc'), source: { kind: 'new' } });
    persistEditor(s, storage, KEY);
    createResource(s, { kind: 'prefixList' });
    const restored = restoreEditor(storage, KEY);
    if (!restored || 'error' in restored) throw new Error('not restored');
    const again = createEditorStore(restored);
    expect(again.getState().document).toEqual(s.getState().document);
    expect(again.getState().revision).not.toBe(again.getState().savedRevision);
  });

  it('nothing stored gives undefined', () => {
    expect(restoreEditor(new MemoryStorage(), KEY)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"format": '],
    ['another format', JSON.stringify({ format: 'other', document: {}, source: { kind: 'new' } })],
    ['an array', '[]'],
    ['a bad source', JSON.stringify({ format: EDITOR_STORAGE_FORMAT, document: {}, source: { kind: 'disk' } })],
    [
      'a fatal document',
      JSON.stringify({
        format: EDITOR_STORAGE_FORMAT,
        document: { format: 'vpcsim/1', topology: { subnets: [{ id: 's', vpcId: 'none' }] } },
        source: { kind: 'new' },
        dirty: true,
      }),
    ],
  ])('a corrupt entry (%s) is reported', (_what, text) => {
    const storage = new MemoryStorage();
    storage.items.set(KEY, text);
    const restored = restoreEditor(storage, KEY);
    expect(restored).toBeDefined();
    expect(restored && 'error' in restored ? restored.error : undefined).toBeDefined();
  });

  it('a throwing storage is reported on read and turned into a notice on write', () => {
    const broken: EditorStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(restoreEditor(broken, KEY)).toHaveProperty('error');
    const s = createEditorStore({ document: scenario('default-vpc'), source: { kind: 'new' } });
    persistEditor(s, broken, KEY);
    createResource(s, { kind: 'externalHost' });
    expect(s.getState().notice?.kind).toBe('error');
    expect(s.getState().document.topology.externalHosts).toHaveLength(1);
  });
});
