// The editor's frame around the canvas: toolbar, scenario gallery and the bottom panel.
export { Toolbar, type ToolbarProps } from './Toolbar.tsx';
export { ExportMenu, type ExportKind, type ExportMenuProps } from './ExportMenu.tsx';
export { GalleryDialog, type GalleryDialogProps, type GalleryEntry } from './GalleryDialog.tsx';
export { DiagnosticsPanel, type DiagnosticsPanelProps } from './DiagnosticsPanel.tsx';
export { BottomPanel, type BottomPanelProps, type BottomTab } from './BottomPanel.tsx';
export { Toast, type ToastProps } from './Toast.tsx';
export { PanelSplitter, type PanelSplitterProps } from './PanelSplitter.tsx';
export { ImportReportDialog, type ImportReportDialogProps } from './ImportReportDialog.tsx';
export { Modal, type ModalProps } from './Modal.tsx';
