// The report after an import: what came in (resources per kind) and every problem of the input, errors
// first; a row with a resource of the opened network selects it on the canvas.
import { RESOURCE_KIND_LABELS, type Diagnostic } from '../../model/index.ts';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';
import { Modal } from './Modal.tsx';

export interface ImportReportDialogProps {
  /** "AWS" or "Terraform". */
  source: string;
  /** What was imported, e.g. "24 files from aws-export". */
  what: string;
  counts: Readonly<Record<string, number>>;
  diagnostics: readonly Diagnostic[];
  /** The imported network is now the open one (false: nothing usable came out). */
  opened: boolean;
  onSelect: (resourceId: string) => void;
  onClose: () => void;
}

/** `3 VPCs`, `1 NAT gateway`: the model's word for the kind, plural when needed. */
function kindCount(kind: string, n: number): string {
  const label = (RESOURCE_KIND_LABELS as Readonly<Record<string, string>>)[kind] ?? kind;
  return n === 1 ? label : `${label}s`;
}

export function ImportReportDialog(props: ImportReportDialogProps) {
  const { onClose } = props;
  const counts = Object.entries(props.counts).filter(([, n]) => n > 0);
  const errors = props.diagnostics.filter((d) => d.severity !== 'warning').length;
  const warnings = props.diagnostics.length - errors;
  return (
    <Modal
      label="Import report"
      title={
        <>
          {props.opened ? 'Imported' : 'Nothing imported'} from {props.source}: {props.what}
        </>
      }
      closeLabel="Close import report"
      onClose={onClose}
      className="import-report"
      testId="import-report"
    >
      <div className="import-report-body">
        {counts.length > 0 && (
          <ul className="import-counts" data-testid="import-counts">
            {counts.map(([kind, n]) => (
              <li key={kind} data-kind={kind}>
                <strong>{n}</strong> {kindCount(kind, n)}
              </li>
            ))}
          </ul>
        )}
        <p data-testid="import-summary">
          {props.diagnostics.length === 0
            ? 'No problems in the input.'
            : `${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} about the input.`}
          {props.opened && ' The network is open; the Diagnostics tab lists what AWS rules say about it.'}
        </p>
        {props.diagnostics.length > 0 && (
          <DiagnosticsPanel
            diagnostics={props.diagnostics}
            onSelect={(id) => {
              props.onSelect(id);
              onClose();
            }}
          />
        )}
      </div>
    </Modal>
  );
}
