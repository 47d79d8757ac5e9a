// The scenario gallery: every preset with its title, description and tags; choosing one opens it.
import { Modal } from './Modal.tsx';

export interface GalleryEntry {
  /** File name in scenarios/, e.g. `public-private-nat.json`. */
  name: string;
  title: string;
  description?: string | undefined;
  tags: readonly string[];
  difficulty?: string | undefined;
  /** The file cannot be understood (it still opens, to show why). */
  broken?: boolean;
}

export interface GalleryDialogProps {
  entries: readonly GalleryEntry[];
  current?: string | undefined;
  onOpen: (name: string) => void;
  onClose: () => void;
}

export function GalleryDialog({ entries, current, onOpen, onClose }: GalleryDialogProps) {
  return (
    <Modal label="Scenario gallery" title="Scenarios" closeLabel="Close gallery" onClose={onClose} className="gallery">
      <ul className="gallery-list">
        {entries.map((entry) => (
          <li key={entry.name}>
            <button
              type="button"
              className={entry.name === current ? 'gallery-item current' : 'gallery-item'}
              onClick={() => onOpen(entry.name)}
              data-testid="gallery-item"
              data-scenario={entry.name}
            >
              <strong>{entry.title}</strong>
              {entry.difficulty && <span className="gallery-difficulty">{entry.difficulty}</span>}
              {entry.broken && <span className="gallery-broken">cannot be loaded</span>}
              {entry.description && <span className="gallery-description">{entry.description}</span>}
              <span className="gallery-tags">
                {entry.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </span>
              <code className="gallery-file">{entry.name}</code>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
