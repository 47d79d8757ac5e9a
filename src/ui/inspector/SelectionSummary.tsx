// With several items selected: one line each, a click narrows the selection to it.
import type { Document } from '../../model/index.ts';
import { KIND_TITLES, resolveSelection, type SelectedItem } from './inspector-model.ts';
import { ResourceLink } from './ResourceLink.tsx';

function kindOf(item: SelectedItem): string {
  switch (item.kind) {
    case 'resource':
      return KIND_TITLES[item.located.kind];
    case 'implicit':
      return item.what === 'main-route-table' ? 'Implicit main route table' : 'Implicit default NACL';
    case 'az':
      return 'Availability zone';
    case 'region':
      return 'Region';
    case 'internet':
      return 'Internet';
    case 'unknown':
      return 'Unknown';
  }
}

export interface SelectionSummaryProps {
  document: Document;
  selection: readonly string[];
  onSelect: (id: string) => void;
}

export function SelectionSummary({ document, selection, onSelect }: SelectionSummaryProps) {
  return (
    <>
      <h3 className="insp-title">{selection.length} selected</h3>
      <ul className="insp-summary" data-testid="inspector-summary">
        {selection.map((id) => (
          <li key={id}>
            <span className="insp-kind">{kindOf(resolveSelection(document, id))}</span>{' '}
            <ResourceLink document={document} id={id} onSelect={onSelect} />
          </li>
        ))}
      </ul>
    </>
  );
}
