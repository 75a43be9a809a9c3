import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import type { BlockId } from './block';
import { DSP_BLOCKS, getBlock } from './blocks';

const IDS: BlockId[] = ['raw', 'flatten', 'spectral', 'mfe', 'mfcc', 'spectrogram'];

describe('DSP_BLOCKS', () => {
  it('registers every block under its own id', () => {
    expect(Object.keys(DSP_BLOCKS).sort()).toEqual([...IDS].sort());
    for (const id of IDS) {
      expect(DSP_BLOCKS[id].id).toBe(id);
      expect(getBlock(id)).toBe(DSP_BLOCKS[id]);
    }
  });

  it('parses an empty parameter object to the defaults of every block', () => {
    for (const id of IDS) expect(getBlock(id).parseParams({})).toEqual(getBlock(id).defaults);
  });

  it('names the unknown id and lists the known ones', () => {
    expect(() => getBlock('wavelet')).toThrow(StudioError);
    expect(() => getBlock('wavelet')).toThrow(
      /Unknown processing block "wavelet": use one of raw, flatten, spectral/,
    );
    expect(() => getBlock('toString')).toThrow(/Unknown processing block/);
  });
});
