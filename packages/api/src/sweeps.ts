/**
 * For clean-ups each process runs now and then, on the way through a request: true at most
 * once per `everyMs` by the clock given (a clock set back counts as time passed too).
 */
export function dueEvery(everyMs: number): (now: Date) => boolean {
  let last = 0;
  return (now) => {
    if (Math.abs(now.getTime() - last) < everyMs) return false;
    last = now.getTime();
    return true;
  };
}
