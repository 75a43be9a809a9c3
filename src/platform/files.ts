export interface LoadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Reads picked or dropped files into memory, in the order given. */
export async function readFiles(files: Iterable<File>): Promise<LoadedFile[]> {
  const out: LoadedFile[] = [];
  for (const f of files) out.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  return out;
}
