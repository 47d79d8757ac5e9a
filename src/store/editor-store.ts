// The editor's state (docs/editor.md) as a vanilla zustand store, and its commands: every document
// change is a model recipe run through immer's produceWithPatches, so each one can be undone.
import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  checkCreate,
  checksNaming,
  copyInstances,
  createResource as createRecipe,
  deleteResources as deleteRecipe,
  pasteInstances,
  primaryInterfaceIdOf,
  type ClipboardPayload,
  type CreateOutcome,
  type CreateRequest,
  type Document,
  type Layout,
} from '../model/index.ts';

enablePatches();

/** Where the open document came from. */
export type DocumentSource = { kind: 'scenario'; name: string } | { kind: 'file'; name: string } | { kind: 'new' };

/** One undoable step. */
export interface HistoryEntry {
  label: string;
  patches: Patch[];
  inversePatches: Patch[];
  /** When the step was last extended (ms, the store's clock): typing in one field is one step. */
  at: number;
}

/** Edits with the same label within this many ms of the previous one merge into its step. */
export const COALESCE_MS = 1500;

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export interface EditorState {
  document: Document;
  source: DocumentSource;
  /** Resource ids, and layout keys of derived containers (zone bands, regions). */
  selection: string[];
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Bumps on every change of `document`. */
  revision: number;
  /** The revision last saved to a file or loaded; dirty = revision !== savedRevision. */
  savedRevision: number;
  clipboard?: ClipboardPayload | undefined;
  notice?: Notice | undefined;
  /**
   * A network opened from a share link is only viewed: every command that would change the document
   * is refused with `READ_ONLY_NOTICE`, and persistence writes nothing, until the app lifts it.
   */
  readOnly: boolean;
}

export type EditorStore = StoreApi<EditorState>;

/** Oldest steps are dropped beyond this many; the patches of a large paste are not small. */
export const HISTORY_LIMIT = 200;

export interface EditorInit {
  document: Document;
  source: DocumentSource;
  /** The clock used to merge keystrokes into one undo step; tests pass their own. */
  now?: () => number;
  /** The document differs from what was last saved (a restored session that had unsaved edits). */
  dirty?: boolean;
  /** Start read-only (a share link is being opened; see `readOnly` in the state). */
  readOnly?: boolean;
}

export function createEditorStore(init: EditorInit): EditorStore {
  const store = createStore<EditorState>()(() => ({
    document: init.document,
    source: init.source,
    selection: [],
    past: [],
    future: [],
    revision: 0,
    savedRevision: init.dirty === true ? -1 : 0,
    readOnly: init.readOnly === true,
  }));
  clocks.set(store, init.now ?? (() => Date.now()));
  return store;
}

const clocks = new WeakMap<EditorStore, () => number>();

export function isDirty(state: EditorState): boolean {
  return state.revision !== state.savedRevision;
}

/** What every refused command says while the document is read-only. */
export const READ_ONLY_NOTICE: Notice = {
  kind: 'error',
  text: 'This shared network is read-only: choose Edit to make it your own, or Back to my network.',
};

/** True (and the read-only notice set) when the document may not change now. */
function refusedReadOnly(store: EditorStore): boolean {
  if (!store.getState().readOnly) return false;
  store.setState({ notice: READ_ONLY_NOTICE });
  return true;
}

/** Lifts or sets read-only; the document, its history and its saved state stay as they are. */
export function setReadOnly(store: EditorStore, readOnly: boolean): void {
  if (store.getState().readOnly !== readOnly) store.setState({ readOnly });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Ids and keys a selection may name: resources, primary interfaces, layout keys, derived containers. */
function selectableKeys(doc: Document): Set<string> {
  const keys = new Set<string>(['internet', ...Object.keys(doc.layout ?? {})]);
  for (const list of Object.values(doc.topology) as ({ id: string }[] | undefined)[]) {
    for (const r of list ?? []) keys.add(r.id);
  }
  for (const i of doc.topology.instances ?? []) keys.add(primaryInterfaceIdOf(i));
  for (const v of doc.topology.vpcs ?? []) keys.add(`region/${v.region ?? 'us-east-1'}`);
  for (const s of doc.topology.subnets ?? []) keys.add(`${s.vpcId}/${s.availabilityZone}`);
  return keys;
}

function prune(selection: string[], doc: Document): string[] {
  if (selection.length === 0) return selection;
  const keys = selectableKeys(doc);
  const kept = selection.filter((id) => keys.has(id));
  return kept.length === selection.length ? selection : kept;
}

/**
 * Runs `recipe` on a draft of the document as one undoable step labelled `label`, and returns what
 * the recipe returned. A recipe that changes nothing leaves no step. A recipe that throws leaves the
 * document as it was, sets an error notice, and returns undefined; so does any edit while read-only
 * (the recipe is not run).
 */
export function edit<T>(store: EditorStore, label: string, recipe: (draft: Document) => T): T | undefined {
  if (refusedReadOnly(store)) return undefined;
  const state = store.getState();
  let result: T | undefined;
  let next: Document;
  let patches: Patch[];
  let inversePatches: Patch[];
  try {
    // The recipe's own return value is kept aside: immer would read it as a replacement document.
    [next, patches, inversePatches] = produceWithPatches(state.document, (draft: Document) => {
      result = recipe(draft);
    });
  } catch (error) {
    store.setState({ notice: { kind: 'error', text: `${label} failed: ${errorText(error)}` } });
    return undefined;
  }
  if (patches.length === 0) return result;
  const now = (clocks.get(store) ?? Date.now)();
  const last = state.past.at(-1);
  // Consecutive edits of one field (same label, no undo in between) extend the last step, so one
  // Ctrl+Z takes back a whole typed value, not one character.
  const merge = last !== undefined && last.label === label && state.future.length === 0 && now - last.at <= COALESCE_MS;
  const past = merge
    ? [
        ...state.past.slice(0, -1),
        {
          label,
          patches: [...last.patches, ...patches],
          inversePatches: [...inversePatches, ...last.inversePatches],
          at: now,
        },
      ]
    : [...state.past, { label, patches, inversePatches, at: now }].slice(-HISTORY_LIMIT);
  store.setState({
    document: next,
    past,
    future: [],
    revision: state.revision + 1,
    selection: prune(state.selection, next),
    notice: undefined,
  });
  return result;
}

function travel(store: EditorStore, direction: 'undo' | 'redo'): boolean {
  if (refusedReadOnly(store)) return false;
  const state = store.getState();
  const from = direction === 'undo' ? state.past : state.future;
  const entry = from.at(-1);
  if (!entry) return false;
  let document: Document;
  try {
    document = applyPatches(state.document, direction === 'undo' ? entry.inversePatches : entry.patches);
  } catch (error) {
    store.setState({ notice: { kind: 'error', text: `${direction} of "${entry.label}" failed: ${errorText(error)}` } });
    return false;
  }
  const rest = from.slice(0, -1);
  store.setState({
    document,
    past: direction === 'undo' ? rest : [...state.past, entry],
    future: direction === 'undo' ? [...state.future, entry] : rest,
    revision: state.revision + 1,
    selection: prune(state.selection, document),
    notice: undefined,
  });
  return true;
}

/** Undoes the last step; false when there is none. */
export function undo(store: EditorStore): boolean {
  return travel(store, 'undo');
}

/** Redoes the last undone step; false when there is none (a new edit clears them). */
export function redo(store: EditorStore): boolean {
  return travel(store, 'redo');
}

export function select(store: EditorStore, ids: readonly string[]): void {
  store.setState({ selection: [...ids] });
}

export function clearNotice(store: EditorStore): void {
  store.setState({ notice: undefined });
}

const KIND_WORDS: Record<CreateRequest['kind'], string> = {
  vpc: 'VPC',
  subnet: 'subnet',
  instance: 'instance',
  networkInterface: 'network interface',
  natGateway: 'NAT gateway',
  internetGateway: 'internet gateway',
  egressOnlyInternetGateway: 'egress-only internet gateway',
  routeTable: 'route table',
  networkAcl: 'network ACL',
  securityGroup: 'security group',
  vpcPeeringConnection: 'peering connection',
  transitGateway: 'transit gateway',
  transitGatewayAttachment: 'transit gateway attachment',
  vpcEndpoint: 'VPC endpoint',
  prefixList: 'prefix list',
  externalHost: 'external host',
};

/**
 * Creates a resource as one step and selects it. A refused request changes nothing and sets an
 * error notice with the reason.
 */
export function createResource(store: EditorStore, request: CreateRequest): CreateOutcome {
  if (refusedReadOnly(store)) return { ok: false, reason: READ_ONLY_NOTICE.text };
  const reason = checkCreate(store.getState().document, request);
  if (reason !== undefined) {
    store.setState({ notice: { kind: 'error', text: reason } });
    return { ok: false, reason };
  }
  const outcome = edit(store, `Create ${KIND_WORDS[request.kind]}`, (draft) => createRecipe(draft, request));
  if (!outcome) return { ok: false, reason: store.getState().notice?.text ?? 'the resource could not be created' };
  if (outcome.ok) store.setState({ selection: [outcome.id] });
  else store.setState({ notice: { kind: 'error', text: outcome.reason } });
  return outcome;
}

/**
 * Deletes resources and their dependents as one step; returns the removed ids. Checks naming a
 * deleted resource are kept and listed in an info notice (validation reports their endpoints).
 */
export function deleteResources(store: EditorStore, ids: readonly string[]): string[] {
  if (refusedReadOnly(store)) return [];
  const before = store.getState().document;
  const label = ids.length === 1 ? `Delete ${ids[0]}` : `Delete ${ids.length} items`;
  const removed = edit(store, label, (draft) => deleteRecipe(draft, ids)) ?? [];
  if (removed.length === 0) return removed;
  const gone = new Set(removed);
  const state = store.getState();
  const selection = state.selection.filter((id) => !gone.has(id));
  const orphaned = checksNaming(before, removed);
  store.setState({
    selection: selection.length === state.selection.length ? state.selection : selection,
    ...(orphaned.length > 0
      ? {
          notice: {
            kind: 'info' as const,
            text: `${orphaned.length === 1 ? 'A check names' : `${orphaned.length} checks name`} a deleted resource: ${orphaned.join(', ')}`,
          },
        }
      : {}),
  });
  return removed;
}

type LayoutEntry = Layout[string];

/**
 * Writes node positions (and sizes) at the end of a drag, as one step. Entries equal to what is
 * stored are skipped; entries with a non-finite number are ignored (the format needs numbers).
 */
export function moveNodes(store: EditorStore, entries: Readonly<Record<string, LayoutEntry>>): void {
  if (refusedReadOnly(store)) return;
  const keys = Object.keys(entries);
  const label = keys.length === 1 ? `Move ${keys[0]}` : `Move ${keys.length} nodes`;
  edit(store, label, (draft) => {
    for (const key of keys) {
      const entry = entries[key];
      if (!entry) continue;
      const numbers = [entry.x, entry.y, entry.width ?? 0, entry.height ?? 0];
      if (!numbers.every((n) => Number.isFinite(n))) continue;
      const layout = (draft.layout ??= {});
      const prior = Object.prototype.hasOwnProperty.call(layout, key) ? layout[key] : undefined;
      const next: LayoutEntry = { x: entry.x, y: entry.y };
      const width = entry.width ?? prior?.width;
      const height = entry.height ?? prior?.height;
      if (width !== undefined) next.width = width;
      if (height !== undefined) next.height = height;
      const same =
        prior !== undefined &&
        prior.x === next.x &&
        prior.y === next.y &&
        prior.width === next.width &&
        prior.height === next.height;
      if (!same) layout[key] = next;
    }
  });
}

/** Puts the instances among `ids` (default: the selection) on the clipboard; returns how many. */
export function copy(store: EditorStore, ids?: readonly string[]): number {
  const state = store.getState();
  const payload = copyInstances(state.document, ids ?? state.selection);
  if (payload.instances.length === 0) {
    store.setState({ notice: { kind: 'info', text: 'Nothing to copy: only instances can be copied' } });
    return 0;
  }
  store.setState({ clipboard: payload });
  return payload.instances.length;
}

/** Pastes the clipboard into `subnetId` (or the original subnets) as one step and selects the copies. */
export function paste(store: EditorStore, subnetId?: string): string[] {
  const payload = store.getState().clipboard;
  if (!payload) return [];
  if (refusedReadOnly(store)) return [];
  const ids = edit(store, 'Paste', (draft) => pasteInstances(draft, payload, subnetId)) ?? [];
  const skipped = payload.instances.length - ids.length;
  store.setState({
    ...(ids.length > 0 ? { selection: ids } : {}),
    ...(skipped > 0
      ? {
          notice: {
            kind: 'info' as const,
            text: `${skipped} of ${payload.instances.length} instances were not pasted: subnet gone or full`,
          },
        }
      : {}),
  });
  return ids;
}

export interface ReplaceOptions {
  /** Read-only after the switch; default: as before (opening is not an edit, so it is never refused). */
  readOnly?: boolean;
  /** The document has unsaved changes (the work restored from this browser); default false. */
  dirty?: boolean;
}

/**
 * Opens another document: history and selection are cleared, and it counts as saved unless `dirty`.
 * One state change, so persistence sees the new document and the new read-only flag together.
 */
export function replaceDocument(
  store: EditorStore,
  document: Document,
  source: DocumentSource,
  options: ReplaceOptions = {},
): void {
  const state = store.getState();
  const revision = state.revision + 1;
  store.setState({
    document,
    source,
    selection: [],
    past: [],
    future: [],
    revision,
    savedRevision: options.dirty === true ? -1 : revision,
    notice: undefined,
    readOnly: options.readOnly ?? state.readOnly,
  });
}

/** Records that the current document was saved (to a file). */
export function markSaved(store: EditorStore, source?: DocumentSource): void {
  const state = store.getState();
  store.setState({ savedRevision: state.revision, ...(source ? { source } : {}) });
}
