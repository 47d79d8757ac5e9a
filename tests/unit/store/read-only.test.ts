// A read-only store (a shared network being viewed): every command that would change the document is
// refused with READ_ONLY_NOTICE and leaves the state as it was; reading commands still work; persistence
// writes nothing until read-only is lifted, and then writes the document left open.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/index.ts';
import {
  READ_ONLY_NOTICE,
  copy,
  createEditorStore,
  createResource,
  deleteResources,
  edit,
  isDirty,
  moveNodes,
  paste,
  persistEditor,
  redo,
  replaceDocument,
  restoreEditor,
  select,
  selectAnalysis,
  setReadOnly,
  undo,
  type EditorStorage,
  type EditorStore,
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

function store(readOnly: boolean): EditorStore {
  let t = 0;
  return createEditorStore({
    document: scenario('public-private-nat'),
    source: { kind: 'scenario', name: 'public-private-nat.json' },
    now: () => (t += 10_000),
    readOnly,
  });
}

/** What a refused command must leave as it was. */
function snapshot(s: EditorStore) {
  const { document, past, future, revision, savedRevision } = s.getState();
  return { document, past, future, revision, savedRevision };
}

describe('read-only store', () => {
  it('starts editable unless told otherwise', () => {
    const s = createEditorStore({ document: scenario('default-vpc'), source: { kind: 'new' } });
    expect(s.getState().readOnly).toBe(false);
    expect(store(true).getState().readOnly).toBe(true);
  });

  it('refuses every change with the read-only notice', () => {
    const s = store(true);
    const before = snapshot(s);
    const refusals: [string, () => unknown, unknown][] = [
      ['edit', () => edit(s, 'Rename', (d) => void (d.meta = { title: 'changed' })), undefined],
      ['create', () => createResource(s, { kind: 'securityGroup', vpcId: 'vpc-main' }), { ok: false }],
      ['delete', () => deleteResources(s, ['vpc-main']), []],
      ['move', () => moveNodes(s, { 'vpc-main': { x: 1, y: 2 } }), undefined],
      ['undo', () => undo(s), false],
      ['redo', () => redo(s), false],
    ];
    for (const [name, run, result] of refusals) {
      s.setState({ notice: undefined });
      const outcome = run();
      if (typeof result === 'object' && result !== null && !Array.isArray(result)) {
        expect(outcome, name).toMatchObject(result);
      } else {
        expect(outcome, name).toEqual(result);
      }
      expect(s.getState().notice, name).toBe(READ_ONLY_NOTICE);
      expect(snapshot(s), name).toEqual(before);
    }
    expect(isDirty(s.getState())).toBe(false);
  });

  it('copies but refuses to paste', () => {
    const s = store(true);
    const instance = s.getState().document.topology.instances?.[0]?.id ?? '';
    expect(copy(s, [instance])).toBe(1);
    const before = snapshot(s);
    expect(paste(s)).toEqual([]);
    expect(s.getState().notice).toBe(READ_ONLY_NOTICE);
    expect(snapshot(s)).toEqual(before);
  });

  it('still selects and analyses', () => {
    const s = store(true);
    select(s, ['vpc-main']);
    expect(s.getState().selection).toEqual(['vpc-main']);
    expect(selectAnalysis(s.getState()).network).toBeDefined();
    expect(s.getState().notice).toBeUndefined();
  });

  it('keeps history made before it and gives it back when lifted', () => {
    const s = store(false);
    createResource(s, { kind: 'securityGroup', vpcId: 'vpc-main' });
    setReadOnly(s, true);
    expect(undo(s)).toBe(false);
    expect(s.getState().past).toHaveLength(1);
    setReadOnly(s, false);
    expect(undo(s)).toBe(true);
    expect(s.getState().past).toHaveLength(0);
  });

  it('opening a document keeps read-only unless told, and may carry unsaved changes', () => {
    const s = store(true);
    replaceDocument(s, scenario('default-vpc'), { kind: 'new' });
    expect(s.getState().readOnly).toBe(true);
    replaceDocument(s, scenario('default-vpc'), { kind: 'new' }, { readOnly: false, dirty: true });
    expect(s.getState().readOnly).toBe(false);
    expect(isDirty(s.getState())).toBe(true);
    replaceDocument(s, scenario('public-private-nat'), { kind: 'new' }, { readOnly: true });
    expect(s.getState().readOnly).toBe(true);
    expect(isDirty(s.getState())).toBe(false);
  });

  it('persists nothing while read-only, and the open document when lifted', () => {
    const storage = new MemoryStorage();
    const own = store(false);
    persistEditor(own, storage, KEY);
    createResource(own, { kind: 'securityGroup', vpcId: 'vpc-main' });
    const kept = storage.items.get(KEY);
    expect(storage.writes).toBe(1);

    // A shared network over the user's work: nothing it does reaches the storage.
    const s = store(true);
    persistEditor(s, storage, KEY);
    replaceDocument(s, scenario('default-vpc'), { kind: 'new' }, { readOnly: true });
    select(s, ['vpc-main']);
    s.setState({ notice: { kind: 'info', text: 'hello' } });
    edit(s, 'Rename', (d) => void (d.meta = { title: 'changed' }));
    expect(storage.writes).toBe(1);
    expect(storage.items.get(KEY)).toBe(kept);

    // Edit: the shared network becomes the working one and is written at once.
    setReadOnly(s, false);
    expect(storage.writes).toBe(2);
    expect(restoreEditor(storage, KEY)).toMatchObject({
      document: s.getState().document,
      source: { kind: 'new' },
      dirty: false,
    });
    createResource(s, { kind: 'securityGroup', vpcId: (s.getState().document.topology.vpcs ?? [])[0]?.id ?? '' });
    expect(storage.writes).toBe(3);
  });

  it('going back to the stored work writes it with its unsaved state', () => {
    const storage = new MemoryStorage();
    const s = store(true);
    persistEditor(s, storage, KEY);
    const work = scenario('default-vpc');
    replaceDocument(s, work, { kind: 'file', name: 'mine.json' }, { readOnly: false, dirty: true });
    expect(storage.writes).toBe(1);
    expect(restoreEditor(storage, KEY)).toMatchObject({ source: { kind: 'file', name: 'mine.json' }, dirty: true });
  });
});
