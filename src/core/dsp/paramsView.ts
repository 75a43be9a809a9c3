/**
 * What the Impulse page shows of a processing block's saved parameters: every parameter's value under its
 * parameters.json name, the ones the settings leave unused (not shown as fields), and the given keys that are
 * ignored or spelled otherwise, in words. Values are not checked here (dspParamProblems does that).
 */
import type { BlockParams, DspBlock } from './block';
import { describeParamNote } from './params';

export interface ParamsView {
  /** The given values under their stored keys (other spellings resolved, ignored keys dropped): what an edit keeps. */
  given: BlockParams;
  /** Every parameter's value to show: the given one, else the default. */
  values: BlockParams;
  /** Parameters the settings do not use, grouped by why, in the block's order. */
  unused: Array<{ keys: string[]; reason: string }>;
  /** The given keys that are ignored or read under another name, one line each. */
  notes: string[];
}

export function paramsView(block: DspBlock, params: BlockParams): ParamsView {
  const notes = block.paramNotes?.(params) ?? [];
  const given: BlockParams = {};
  for (const [key, value] of Object.entries(params)) {
    const note = notes.find((n) => n.key === key && n.kind !== 'unused');
    if (note?.kind === 'ignored') continue;
    given[note?.storedAs ?? key] = value;
  }
  const values = { ...block.defaults, ...given };
  const unusedNotes = (block.paramNotes?.(values) ?? []).filter((n) => n.kind === 'unused');
  const unused: ParamsView['unused'] = [];
  for (const key of Object.keys(block.defaults)) {
    const reason = unusedNotes.find((n) => n.key === key)?.reason;
    if (reason === undefined) continue;
    const group = unused.find((g) => g.reason === reason);
    if (group) group.keys.push(key);
    else unused.push({ keys: [key], reason });
  }
  return { given, values, unused, notes: notes.filter((n) => n.kind !== 'unused').map(describeParamNote) };
}
