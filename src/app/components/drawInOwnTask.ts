/**
 * Runs `draw` in a task of its own right after the next frame, and returns its cancel. Drawn inside the frame's
 * animation callbacks, a large chart shared one task with every other panel drawing in that frame (the end of a
 * training run mounts several at once): over 50 ms of main thread on a slow CPU. The canvas shows it a frame later.
 */
export function drawInOwnTask(draw: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(draw, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
  };
}
