import { FormatError, describeError } from '../core/errors';

export interface LoadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Something the user picked or dropped: a file to read, or a folder, which is reported rather than read. */
export type PickedItem = File | { folder: string };

/** One item after reading: its bytes, or the reason it could not be read. */
export type ReadResult = ({ ok: true } & LoadedFile) | { ok: false; name: string; error: FormatError };

/** The part of a drop event's DataTransfer that `droppedItems` reads (small, so tests can fake it). */
export interface DropData {
  files: ArrayLike<File>;
  items?: ArrayLike<{
    kind: string;
    getAsFile(): File | null;
    webkitGetAsEntry?(): { isDirectory: boolean; name: string } | null;
  }>;
}

/**
 * The files and folders of a drop, in the order dropped. Call it inside the drop handler: the browser empties
 * the DataTransfer once the handler returns. A folder also appears in `files`, as an entry that fails to read,
 * so folders are told apart through their file-system entry where the browser offers one.
 */
export function droppedItems(data: DropData): PickedItem[] {
  if (!data.items) return Array.from(data.files);
  const out: PickedItem[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry?.isDirectory) {
      out.push({ folder: entry.name });
      continue;
    }
    const file = item.getAsFile();
    if (file) out.push(file);
  }
  return out;
}

/**
 * Reads picked or dropped items into memory, in the order given. Each is read on its own, so one that cannot
 * be read becomes its own 'unreadable' (or 'folder') result and the others are still read.
 */
export async function readFiles(items: Iterable<PickedItem>): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for (const item of items) out.push(await readItem(item));
  return out;
}

async function readItem(item: PickedItem): Promise<ReadResult> {
  if ('folder' in item) {
    const problem = 'is a folder; open it and choose or drop the files inside it instead';
    return { ok: false, name: item.folder, error: new FormatError('folder', item.folder, problem) };
  }
  try {
    return { ok: true, name: item.name, bytes: new Uint8Array(await item.arrayBuffer()) };
  } catch (e) {
    const problem =
      `the browser could not read the file (${describeError(e)}). It may have been moved, changed or ` +
      'deleted since it was chosen, or be a folder; choose the file again.';
    return {
      ok: false,
      name: item.name,
      error: new FormatError('unreadable', item.name, problem, { cause: e }),
    };
  }
}
