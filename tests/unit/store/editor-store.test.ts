// The editor store's commands: undo/redo of create, delete and move, redo cleared by a new edit, the
// history cap, failing recipes, selection, clipboard, replace and save.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDocument, type Document } from '../../../src/model/index.ts';
import {
  COALESCE_MS,
  HISTORY_LIMIT,
  copy,
  createEditorStore,
  createResource,
  deleteResources,
  edit,
  isDirty,
  markSaved,
  moveNodes,
  paste,
  redo,
  replaceDocument,
  select,
  undo,
  type EditorStore,
} from '../../../src/store/index.ts';

function scenario(name: string): Document {
  const path = fileURLToPath(new URL(`../../../scenarios/${name}.json`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Document;
}

/** A clock far apart per call, so no two edits merge unless a test says so. */
function slowClock(): () => number {
  let t = 0;
  return () => (t += 10_000);
}

function store(name = 'public-private-nat', now: () => number = slowClock()): EditorStore {
  return createEditorStore({ document: scenario(name), source: { kind: 'scenario', name }, now });
}

describe('create, delete and move are undoable', () => {
  it('undoes and redoes a create', () => {
    const s = store();
    const before = s.getState().document;
    const outcome = createResource(s, { kind: 'subnet', vpcId: 'vpc-main', availabilityZone: 'us-east-1a' });
    expect(outcome.ok).toBe(true);
    const id = outcome.ok ? outcome.id : '';
    const after = s.getState().document;
    expect(after.topology.subnets?.some((x) => x.id === id)).toBe(true);
    expect(s.getState().selection).toEqual([id]);
    expect(s.getState().past.map((e) => e.label)).toEqual(['Create subnet']);
    expect(s.getState().revision).toBe(1);

    expect(undo(s)).toBe(true);
    expect(s.getState().document).toEqual(before);
    // The selected subnet is gone, so is the selection.
    expect(s.getState().selection).toEqual([]);
    expect(s.getState().future).toHaveLength(1);
    expect(redo(s)).toBe(true);
    expect(s.getState().document).toEqual(after);
    expect(s.getState().revision).toBe(3);
    expect(redo(s)).toBe(false);
  });

  it('undoes a delete with its cascade', () => {
    const s = store();
    const before = s.getState().document;
    select(s, ['subnet-public-a', 'igw-main']);
    const removed = deleteResources(s, ['subnet-public-a']);
    expect(removed).toContain('subnet-public-a');
    expect(removed).toContain('nat-a');
    expect(s.getState().selection).toEqual(['igw-main']);
    expect(undo(s)).toBe(true);
    expect(s.getState().document).toEqual(before);
  });

  it('reports checks that name a deleted resource', () => {
    const s = store();
    const web = s.getState().document.topology.instances![0]!.id;
    deleteResources(s, [web]);
    expect(s.getState().notice?.kind).toBe('info');
    expect(s.getState().notice?.text).toContain('check');
  });

  it('moves nodes in one step, keeps sizes, skips unchanged entries, and undoes', () => {
    const s = store();
    const doc = s.getState().document;
    const key = Object.keys(doc.layout ?? {})[0]!;
    const prior = doc.layout![key]!;
    moveNodes(s, { [key]: { x: prior.x + 10, y: prior.y + 5 }, 'new-node': { x: 1, y: 2, width: 3, height: 4 } });
    const moved = s.getState().document;
    expect(moved.layout?.[key]).toEqual({ ...prior, x: prior.x + 10, y: prior.y + 5 });
    expect(moved.layout?.['new-node']).toEqual({ x: 1, y: 2, width: 3, height: 4 });
    expect(s.getState().past).toHaveLength(1);
    // Same positions again: no step.
    moveNodes(s, { [key]: { x: prior.x + 10, y: prior.y + 5 } });
    expect(s.getState().past).toHaveLength(1);
    // Not a number: ignored.
    moveNodes(s, { [key]: { x: Number.NaN, y: 0 } });
    expect(s.getState().past).toHaveLength(1);
    expect(undo(s)).toBe(true);
    expect(s.getState().document).toEqual(doc);
    // A move never touches the topology object.
    expect(moved.topology).toBe(doc.topology);
  });
});

describe('every scenario through the store (immer drafts)', () => {
  const names = readdirSync(fileURLToPath(new URL('../../../scenarios', import.meta.url)))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));

  it.each(names)('%s: deleting each VPC, then undoing, restores the document', (name) => {
    const s = store(name);
    const original = s.getState().document;
    for (const vpc of original.topology.vpcs ?? []) {
      expect(deleteResources(s, [vpc.id])).toContain(vpc.id);
      expect(loadDocument(s.getState().document).document).toBeDefined();
      expect(undo(s)).toBe(true);
      expect(s.getState().document).toEqual(original);
    }
  });
});

describe('history', () => {
  it('a new edit clears the redo stack', () => {
    const s = store();
    createResource(s, { kind: 'routeTable', vpcId: 'vpc-main' });
    undo(s);
    expect(s.getState().future).toHaveLength(1);
    createResource(s, { kind: 'networkAcl', vpcId: 'vpc-main' });
    expect(s.getState().future).toEqual([]);
    expect(redo(s)).toBe(false);
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    const s = store();
    for (let n = 0; n < HISTORY_LIMIT + 5; n++) moveNodes(s, { probe: { x: n, y: n } });
    expect(s.getState().past).toHaveLength(HISTORY_LIMIT);
    let undone = 0;
    while (undo(s)) undone++;
    expect(undone).toBe(HISTORY_LIMIT);
    // The five oldest steps are gone: the probe stays where step 5 put it.
    expect(s.getState().document.layout?.['probe']).toEqual({ x: 4, y: 4 });
  });

  it('typing in one field is one step: same label within COALESCE_MS merges, another label or a pause does not', () => {
    let t = 0;
    const s = store('public-private-nat', () => t);
    const rename = (name: string) =>
      edit(s, 'Rename i-web', (d) => {
        d.topology.instances!.find((i) => i.id === 'i-web')!.name = name;
      });
    const original = s.getState().document;
    for (const name of ['W', 'We', 'Web']) {
      t += 200;
      rename(name);
    }
    expect(s.getState().past).toHaveLength(1);
    t += COALESCE_MS + 1;
    rename('Web 2');
    expect(s.getState().past).toHaveLength(2);
    t += 10;
    moveNodes(s, { 'i-web': { x: 1, y: 2 } });
    expect(s.getState().past).toHaveLength(3);
    undo(s);
    undo(s);
    expect(s.getState().document.topology.instances!.find((i) => i.id === 'i-web')!.name).toBe('Web');
    undo(s);
    expect(s.getState().document).toEqual(original);
    redo(s);
    expect(s.getState().document.topology.instances!.find((i) => i.id === 'i-web')!.name).toBe('Web');
  });

  it('a recipe that changes nothing leaves no step', () => {
    const s = store();
    expect(edit(s, 'Nothing', () => 42)).toBe(42);
    expect(s.getState().past).toEqual([]);
    expect(s.getState().revision).toBe(0);
  });

  it('a recipe that throws leaves the document unchanged and sets a notice', () => {
    const s = store();
    const before = s.getState().document;
    const result = edit(s, 'Broken', (draft) => {
      draft.topology.vpcs = [];
      throw new Error('boom');
    });
    expect(result).toBeUndefined();
    expect(s.getState().document).toBe(before);
    expect(s.getState().past).toEqual([]);
    expect(s.getState().notice?.kind).toBe('error');
  });
});

describe('commands', () => {
  it('a refused create changes nothing and says why', () => {
    const s = store();
    const before = s.getState().document;
    const outcome = createResource(s, { kind: 'internetGateway', vpcId: 'vpc-main' });
    expect(outcome.ok).toBe(false);
    expect(s.getState().document).toBe(before);
    expect(s.getState().notice?.kind).toBe('error');
    expect(s.getState().past).toEqual([]);
  });

  it('copies selected instances and pastes them as one undoable step', () => {
    const s = store();
    const instances = s.getState().document.topology.instances!;
    select(s, [instances[0]!.id, 'vpc-main']);
    expect(copy(s)).toBe(1);
    const ids = paste(s);
    expect(ids).toHaveLength(1);
    expect(s.getState().selection).toEqual(ids);
    expect(s.getState().document.topology.instances).toHaveLength(instances.length + 1);
    const loaded = loadDocument(s.getState().document);
    expect(loaded.diagnostics.filter((d) => d.severity === 'fatal')).toEqual([]);
    undo(s);
    expect(s.getState().document.topology.instances).toHaveLength(instances.length);
  });

  it('copy with no instance selected leaves the clipboard alone', () => {
    const s = store();
    select(s, ['vpc-main']);
    expect(copy(s)).toBe(0);
    expect(s.getState().clipboard).toBeUndefined();
    expect(paste(s)).toEqual([]);
  });

  it('replaceDocument clears history and selection and counts as saved; edits make it dirty', () => {
    const s = store();
    createResource(s, { kind: 'securityGroup', vpcId: 'vpc-main' });
    expect(isDirty(s.getState())).toBe(true);
    markSaved(s);
    expect(isDirty(s.getState())).toBe(false);
    const other = scenario('default-vpc');
    replaceDocument(s, other, { kind: 'file', name: 'x.json' });
    const state = s.getState();
    expect(state.document).toBe(other);
    expect(state.source).toEqual({ kind: 'file', name: 'x.json' });
    expect(state.past).toEqual([]);
    expect(state.future).toEqual([]);
    expect(state.selection).toEqual([]);
    expect(isDirty(state)).toBe(false);
    expect(undo(s)).toBe(false);
  });

  it('a store restored with unsaved changes starts dirty', () => {
    const s = createEditorStore({ document: scenario('default-vpc'), source: { kind: 'new' }, dirty: true });
    expect(isDirty(s.getState())).toBe(true);
  });
});
