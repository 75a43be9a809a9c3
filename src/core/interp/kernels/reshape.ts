import { elementCount } from '../../ir/graph';
import type { Kernel, OpContext } from '../opContext';

/** RESHAPE: the output shares the input's buffer, so running it costs nothing. */
export function prepareReshape(ctx: OpContext): Kernel {
  ctx.expectInputCount(1, 2);
  const input = ctx.input(0, 'input');
  const output = ctx.output();
  const from = ctx.tensor(input);
  const to = ctx.tensor(output);
  ctx.expectDtype(output, 'output', from.dtype);
  if (elementCount(from.shape) !== elementCount(to.shape)) {
    ctx.shapeMismatch(
      `[${from.shape.join(', ')}] and [${to.shape.join(', ')}] have different element counts.`,
    );
  }
  ctx.buffers[output] = ctx.buffers[input];
  return () => {};
}
