// A resource named by id, as a button that selects it.
import type { Document } from '../../model/index.ts';
import { displayName } from './inspector-model.ts';

export interface ResourceLinkProps {
  document: Document;
  id: string;
  onSelect: (id: string) => void;
}

export function ResourceLink({ document, id, onSelect }: ResourceLinkProps) {
  return (
    <button type="button" className="insp-link" onClick={() => onSelect(id)}>
      {displayName(document, id)}
    </button>
  );
}
