import { describe, expect, it } from 'vitest';
import { FormatError } from '../core/errors';
import { droppedItems, readFiles, type DropData } from './files';

/** A file whose contents the browser cannot read, as when it was deleted after being picked. */
class VanishedFile extends File {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
  }
}

const fileItem = (file: File) => ({ kind: 'file', getAsFile: () => file, webkitGetAsEntry: () => null });

describe('droppedItems', () => {
  it('keeps the dropped order, tells folders apart and skips dragged text', () => {
    const a = new File(['1'], 'a.csv');
    const b = new File(['2'], 'b.wav');
    const data: DropData = {
      files: [a, new File([], 'recordings'), b],
      items: [
        fileItem(a),
        {
          kind: 'file',
          getAsFile: () => new File([], 'recordings'),
          webkitGetAsEntry: () => ({ isDirectory: true, name: 'recordings' }),
        },
        { kind: 'string', getAsFile: () => null },
        fileItem(b),
      ],
    };
    expect(droppedItems(data)).toEqual([a, { folder: 'recordings' }, b]);
  });

  it('falls back to the file list where the browser gives no items', () => {
    const a = new File(['1'], 'a.csv');
    expect(droppedItems({ files: [a] })).toEqual([a]);
  });
});

describe('readFiles', () => {
  it('reads every file it can and turns each one it cannot into its own error', async () => {
    const results = await readFiles([
      new File(['good'], 'good.csv'),
      new VanishedFile(['x'], 'gone.wav'),
      { folder: 'recordings' },
      new File([], 'empty.wav'),
    ]);
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['good.csv', true],
      ['gone.wav', false],
      ['recordings', false],
      ['empty.wav', true],
    ]);
    const [good, gone, folder, empty] = results;
    expect(good.ok && new TextDecoder().decode(good.bytes)).toBe('good');
    expect(empty.ok && empty.bytes.length).toBe(0);
    expect(!gone.ok && gone.error).toBeInstanceOf(FormatError);
    expect(!gone.ok && gone.error).toMatchObject({
      code: 'unreadable',
      fileName: 'gone.wav',
      message: expect.stringMatching(/^gone\.wav: the browser could not read the file \(The file could not/),
    });
    expect(!folder.ok && folder.error).toMatchObject({
      code: 'folder',
      message: 'recordings: is a folder; open it and choose or drop the files inside it instead',
    });
  });
});
