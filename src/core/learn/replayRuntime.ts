/**
 * A runtime whose outputs were computed beforehand, e.g. where calls are asynchronous (another frame or a
 * worker), for the synchronous comparisons of runtimeAgreement.ts: it answers the calls in order, and refuses a
 * call whose input is not the one its output was computed for.
 */
export function replayRuntime(
  inputs: readonly ArrayLike<number>[],
  outputs: readonly ArrayLike<number>[],
): (raw: ArrayLike<number>) => ArrayLike<number> {
  if (outputs.length !== inputs.length) {
    throw new Error(`The runtime returned ${outputs.length} outputs for ${inputs.length} inputs.`);
  }
  let next = 0;
  return (raw) => {
    const i = next++;
    if (i >= inputs.length || !sameValues(raw, inputs[i])) {
      throw new Error(`Input ${i + 1} is not one the runtime's outputs were computed for.`);
    }
    return outputs[i];
  };
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
