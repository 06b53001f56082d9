/**
 * Resolves once the browser has nothing more urgent to do (at the latest after `timeout` ms):
 * for code a page can show a moment later, so that it does not compete with what the page is
 * for. Where requestIdleCallback is missing (Safari), at the next task.
 */
export function whenIdle(timeout = 1000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}
