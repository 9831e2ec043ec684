/**
 * Runs `task` (a function returning a promise) at most once at a time. A call while it runs
 * asks for one more run after it, however many calls came in meanwhile: the answer of the
 * run in flight may predate what those calls wanted to see, one later run covers them all.
 * A task that rejects counts as done. The returned function resolves when the run it
 * started or joined is over.
 * @param {() => Promise<unknown>} task
 * @returns {() => Promise<void>}
 */
export function coalesce(task) {
  let running = null;
  let queued = null;
  const start = () => (running = Promise.resolve().then(task).catch(() => {}).then(() => {
    running = null;
  }));
  return () => {
    if (!running) return start();
    // The queued run starts when the current one ends; later calls join it.
    queued ||= running.then(() => {
      queued = null;
      return start();
    });
    return queued;
  };
}
