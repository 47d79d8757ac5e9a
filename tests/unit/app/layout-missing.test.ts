// Auto-layout of an opened document lands after the user may have acted: it adds positions and keeps
// the selection, the message on screen and the document's meaning.
import { describe, expect, it } from 'vitest';
import { layoutMissing } from '../../../src/app/layout-missing.ts';
import type { Document, Layout } from '../../../src/model/index.ts';
import { createEditorStore, select } from '../../../src/store/index.ts';

const doc: Document = {
  format: 'vpcsim/1',
  topology: { vpcs: [{ id: 'vpc-a', cidrBlocks: ['10.0.0.0/16'] }] },
  layout: {},
};

function deferred(): { promise: Promise<Layout>; resolve: (layout: Layout) => void } {
  let resolve: (layout: Layout) => void = () => undefined;
  const promise = new Promise<Layout>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('layoutMissing', () => {
  it('adds the positions and keeps a selection made while elk was working', async () => {
    const store = createEditorStore({ document: doc, source: { kind: 'file', name: 'x.json' } });
    const pending = deferred();
    const done = layoutMissing(store, doc, { kind: 'file', name: 'x.json' }, () => pending.promise);
    select(store, ['vpc-a']);
    store.setState({ notice: { kind: 'info', text: 'imported' } });
    pending.resolve({ 'vpc-a': { x: 10, y: 20, width: 300, height: 200 } });
    await done;
    const state = store.getState();
    expect(state.document.layout).toEqual({ 'vpc-a': { x: 10, y: 20, width: 300, height: 200 } });
    expect(state.document.topology).toBe(doc.topology);
    expect(state.selection).toEqual(['vpc-a']);
    expect(state.notice?.text).toBe('imported');
    expect(state.past).toEqual([]);
  });

  it('leaves a document that was replaced meanwhile alone', async () => {
    const store = createEditorStore({ document: doc, source: { kind: 'new' } });
    const other: Document = { ...doc, topology: {} };
    const pending = deferred();
    const done = layoutMissing(store, doc, { kind: 'new' }, () => pending.promise);
    store.setState({ document: other });
    pending.resolve({ 'vpc-a': { x: 1, y: 1 } });
    await done;
    expect(store.getState().document).toBe(other);
  });

  it('says when the layout fails', async () => {
    const store = createEditorStore({ document: doc, source: { kind: 'new' } });
    await layoutMissing(store, doc, { kind: 'new' }, () => Promise.reject(new Error('elk broke')));
    expect(store.getState().notice).toMatchObject({ kind: 'error' });
  });
});
