// The Export menu's commands: Terraform and SVG downloads built from the open document, PNG rasterised
// from the SVG, and the share link (handed to the share hook). Exports only read the document, so they
// work on a read-only shared network too.
import { createElement, useCallback, useState, type ReactNode } from 'react';
import { selectAnalysis, type EditorStore, type Notice } from '../../store/index.ts';
import { svgToPng, type ExportKind } from '../../ui/index.ts';
import { downloadBlob, downloadText } from '../download.ts';
import { ExportNotesDialog } from './ExportNotesDialog.tsx';
import { buildSvg, buildTerraform, pngName } from './exports.ts';

/** Pixels per SVG unit in the PNG: sharp on high-density screens and in slides. */
export const PNG_SCALE = 2;

export interface Exporter {
  run: (kind: ExportKind) => void;
  /** A PNG is being rasterised. */
  busy: boolean;
  /** The Terraform notes dialog, when open. */
  dialog: ReactNode;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useExport(store: EditorStore, copyShareLink: () => void): Exporter {
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState<{ name: string; notes: string[] } | undefined>(undefined);
  const notify = useCallback((notice: Notice) => store.setState({ notice }), [store]);

  const run = useCallback(
    (kind: ExportKind) => {
      const state = store.getState();
      const { document, source } = state;
      try {
        switch (kind) {
          case 'terraform': {
            const out = buildTerraform(document, source);
            downloadText(out.text, out.name, out.type);
            if (out.notes.length > 0) setNotes({ name: out.name, notes: out.notes });
            else notify({ kind: 'info', text: `Exported ${out.name}.` });
            return;
          }
          case 'svg': {
            const out = buildSvg(document, source, selectAnalysis(state).diagnostics);
            downloadText(out.text, out.name, out.type);
            notify({ kind: 'info', text: `Exported ${out.name}.` });
            return;
          }
          case 'png': {
            const svg = buildSvg(document, source, selectAnalysis(state).diagnostics);
            const name = pngName(document, source);
            setBusy(true);
            svgToPng(svg.text, PNG_SCALE)
              .then(
                (blob) => {
                  downloadBlob(blob, name);
                  notify({ kind: 'info', text: `Exported ${name}.` });
                },
                (error: unknown) => notify({ kind: 'error', text: `The PNG export failed: ${errorText(error)}` }),
              )
              .finally(() => setBusy(false));
            return;
          }
          case 'share-link':
            copyShareLink();
            return;
        }
      } catch (error) {
        notify({ kind: 'error', text: `The export failed: ${errorText(error)}` });
      }
    },
    [copyShareLink, notify, store],
  );

  const closeNotes = useCallback(() => setNotes(undefined), []);
  return {
    run,
    busy,
    dialog: notes ? createElement(ExportNotesDialog, { ...notes, onClose: closeNotes }) : null,
  };
}
