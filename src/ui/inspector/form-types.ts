// Props shared by the inspector's forms.
import type { Document } from '../../model/index.ts';

/**
 * Runs a named recipe on the document (the store records it for undo). A recipe's return value is
 * ignored: the inspector hands the store a wrapper that returns nothing, so immer never mistakes a
 * recipe's result (e.g. `updateResource`'s boolean) for a replacement document.
 */
export type EditFn = (label: string, recipe: (draft: Document) => unknown) => void;

export interface FormProps<T> {
  document: Document;
  resource: T;
  onEdit: EditFn;
  onSelect: (id: string) => void;
}
