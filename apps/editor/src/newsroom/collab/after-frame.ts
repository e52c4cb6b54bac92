/**
 * Runs `task` once the next frame has been drawn (a task queued by a frame callback runs after
 * that frame), or after `atLatestMs` where no frame comes (a hidden tab draws none). Returns a
 * cancel function; calling it after the task ran does nothing.
 */
export function afterNextFrame(task: () => void, atLatestMs: number): () => void {
  let afterFrame: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    cancel();
    task();
  };
  const frame = requestAnimationFrame(() => {
    afterFrame = setTimeout(run, 0);
  });
  const timer = setTimeout(run, atLatestMs);
  function cancel() {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    if (afterFrame !== null) clearTimeout(afterFrame);
  }
  return cancel;
}
