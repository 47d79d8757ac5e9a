// The browser edge of importing: turns a file input's list or a drop (files and whole folders) into
// paths and texts. A dropped folder keeps its own name as the first path segment, as the CLI does.

/** A file the user chose, with its path relative to what was chosen ('/'-separated). */
export interface PickedFile {
  path: string;
  file: File;
}

/** Files of an `<input type=file multiple>` or a `webkitdirectory` input (which fills webkitRelativePath). */
export function pickedFromList(list: FileList | readonly File[]): PickedFile[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every entry of a folder: readEntries gives them in batches until it gives none. */
async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, into: PickedFile[]): Promise<void> {
  if (entry.name.startsWith('.')) return;
  if (entry.isFile) {
    into.push({ path: entry.fullPath.replace(/^\/+/, ''), file: await fileOf(entry as FileSystemFileEntry) });
  } else if (entry.isDirectory) {
    const children = await entriesOf(entry as FileSystemDirectoryEntry);
    children.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const child of children) await walk(child, into);
  }
}

/** True when a drag carries files from outside the page (not a palette item). */
export function carriesFiles(transfer: DataTransfer | null): boolean {
  return transfer !== null && Array.from(transfer.types).includes('Files');
}

/**
 * The files of a drop, folders walked recursively. Only `.json` files are kept from folders; files
 * dropped one by one are kept whatever their names.
 */
export async function pickedFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  // The entries must be taken synchronously, before the first await: the drop's data expires after the event.
  const entries = Array.from(transfer.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry());
  if (entries.length === 0 || entries.some((e) => e === null)) return pickedFromList(transfer.files);
  const picked: PickedFile[] = [];
  for (const entry of entries) {
    if (!entry) continue;
    if (entry.isFile) picked.push({ path: entry.name, file: await fileOf(entry as FileSystemFileEntry) });
    else {
      const inFolder: PickedFile[] = [];
      await walk(entry, inFolder);
      picked.push(...inFolder.filter((p) => /\.json$/i.test(p.path)));
    }
  }
  return picked;
}
