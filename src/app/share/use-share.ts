// Share links in the editor: copying a link that carries the open network, and opening one from the URL.
// A shared network is shown read-only, and the work kept in this browser is left alone until the user
// chooses Edit (the shared network becomes theirs) or Back to my network.
import { createElement, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Document } from '../../model/index.ts';
import {
  replaceDocument,
  restoreEditor,
  setReadOnly,
  type DocumentSource,
  type EditorStorage,
  type EditorStore,
} from '../../store/index.ts';
import { bootEditor, EDITOR_KEY } from '../boot.ts';
import {
  decodeSharePayload,
  encodeSharePayload,
  longLinkWarning,
  sharePayloadFromHash,
  shareUrl,
  withoutShareHash,
} from './link.ts';
import { SharedBanner } from './SharedBanner.tsx';
import { ShareLinkDialog } from './ShareLinkDialog.tsx';
import './share.css';

/** A shared network has no file or scenario name; Save names it after its title. */
export const SHARED_SOURCE: DocumentSource = { kind: 'new' };

/** The page was opened with a `#doc=` link: the editor starts read-only until the link is unpacked. */
export function sharedLinkPending(): boolean {
  return sharePayloadFromHash(window.location.hash) !== undefined;
}

/** Takes `#doc=` out of the address without a history entry (a reload then opens the user's own work). */
function dropShareHash(): void {
  const next = withoutShareHash(window.location.href);
  if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
}

export type ShareStatus = 'none' | 'opening' | 'viewing';

export interface ShareOptions {
  store: EditorStore;
  storage: () => EditorStorage | undefined;
  /** A document was put on the canvas: lay out what has no position, fit the view. */
  onOpened: (document: Document, source: DocumentSource) => void;
  /** Asks a yes / no question; default `window.confirm`. */
  confirm?: (message: string) => boolean;
}

function browserConfirm(message: string): boolean {
  return window.confirm(message);
}

export interface Share {
  status: ShareStatus;
  /** Copies a link to the open network (the clipboard, else a dialog to copy it by hand). */
  copyLink: () => void;
  /** Makes the shared network the working one (asking first when that replaces unsaved work). */
  edit: () => void;
  /** Leaves the shared network for the work kept in this browser. */
  back: () => void;
  /**
   * Called before another document replaces a shared one (New, Open, a scenario): asks first when the
   * work kept in this browser has unsaved changes, and ends the shared view. False: stay as it is.
   */
  leave: () => boolean;
  /** The banner to show over the canvas (null when no shared network is shown). */
  banner: ReactNode;
  /** The copy-by-hand dialog, when open. */
  dialog: ReactNode;
}

export function useShare({ store, storage, onOpened, confirm = browserConfirm }: ShareOptions): Share {
  const [status, setStatus] = useState<ShareStatus>(() => (sharedLinkPending() ? 'opening' : 'none'));
  const [manual, setManual] = useState<{ url: string; warning: string | undefined } | undefined>(undefined);
  const storedWorkIsDirty = useCallback((): boolean => {
    const kept = storage();
    const restored = kept ? restoreEditor(kept, EDITOR_KEY) : undefined;
    return restored !== undefined && !('error' in restored) && restored.dirty;
  }, [storage]);

  // Dropping the fragment also cancels an unpacking under way: its result no longer matches the address.
  const end = useCallback(() => {
    dropShareHash();
    setStatus('none');
  }, []);

  const edit = useCallback(() => {
    if (
      storedWorkIsDirty() &&
      !confirm(
        'Make the shared network your working network? It replaces the unsaved work kept in this browser (save that first to keep it).',
      )
    ) {
      return;
    }
    end();
    // Lifting read-only writes the shared network to this browser's storage.
    setReadOnly(store, false);
    store.setState({
      notice: { kind: 'info', text: 'The shared network is now yours to edit; it is kept in this browser.' },
    });
  }, [confirm, end, storedWorkIsDirty, store]);

  const back = useCallback(() => {
    end();
    const kept = storage();
    const boot = bootEditor(null, kept, () => false);
    replaceDocument(store, boot.document, boot.source, { readOnly: false, dirty: boot.dirty });
    if (boot.notice) store.setState({ notice: boot.notice });
    onOpened(boot.document, boot.source);
  }, [end, onOpened, storage, store]);

  // The link in the address (at load, pasted into the tab, or reached with Back / Forward).
  useEffect(() => {
    let live = true;
    const openFromHash = () => {
      const payload = sharePayloadFromHash(window.location.hash);
      if (payload === undefined) {
        // Back from a shared network to an address without one: the user's own work again.
        if (store.getState().readOnly) back();
        return;
      }
      setStatus('opening');
      setReadOnly(store, true);
      void decodeSharePayload(payload).then((result) => {
        // Left meanwhile (Back to my network, another document, another link): nothing to do.
        if (!live || sharePayloadFromHash(window.location.hash) !== payload) return;
        if (!result.ok) {
          dropShareHash();
          setStatus('none');
          setReadOnly(store, false);
          store.setState({
            notice: { kind: 'error', text: `${result.message} Your own network is open instead.` },
          });
          return;
        }
        replaceDocument(store, result.document, SHARED_SOURCE, { readOnly: true });
        setStatus('viewing');
        onOpened(result.document, SHARED_SOURCE);
      });
    };
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => {
      live = false;
      window.removeEventListener('hashchange', openFromHash);
    };
  }, [back, onOpened, store]);

  const leave = useCallback((): boolean => {
    if (!store.getState().readOnly) return true;
    if (
      storedWorkIsDirty() &&
      !confirm('Open another network? It replaces the unsaved work kept in this browser (save that first to keep it).')
    ) {
      return false;
    }
    end();
    setReadOnly(store, false);
    return true;
  }, [confirm, end, storedWorkIsDirty, store]);

  const copyLink = useCallback(() => {
    const document = store.getState().document;
    encodeSharePayload(document).then(
      async (payload) => {
        const url = shareUrl(window.location.href, payload);
        const warning = longLinkWarning(url.length);
        try {
          await navigator.clipboard.writeText(url);
        } catch {
          setManual({ url, warning });
          return;
        }
        store.setState({
          notice: {
            kind: 'info',
            text: `Share link copied (${url.length.toLocaleString('en')} characters): it opens this network read-only.${warning ? ` ${warning}` : ''}`,
          },
        });
      },
      (error: unknown) =>
        store.setState({
          notice: {
            kind: 'error',
            text: `The share link could not be made: ${error instanceof Error ? error.message : String(error)}`,
          },
        }),
    );
  }, [store]);

  const closeManual = useCallback(() => setManual(undefined), []);

  return {
    status,
    copyLink,
    edit,
    back,
    leave,
    banner: status === 'none' ? null : createElement(SharedBanner, { status, onEdit: edit, onBack: back }),
    dialog: manual ? createElement(ShareLinkDialog, { ...manual, onClose: closeManual }) : null,
  };
}
