import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { buttonClass } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/Dialog';

/**
 * Asks before leaving the page while `shouldWarn()` says there is something to lose: our own
 * dialog for a link or Back, the browser's for a reload or a closed tab. A function, not a
 * flag, so that the navigation after a save (decided in the same event) is not stopped.
 */
export function LeaveGuard({ shouldWarn }: { shouldWarn: () => boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && shouldWarn());
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (blocker.state === 'blocked') dialog.current?.showModal();
  }, [blocker.state]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (shouldWarn()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [shouldWarn]);

  return (
    <Dialog
      ref={dialog}
      title="Leave without saving?"
      danger
      description="What you changed on this page will be lost."
      onClose={() => {
        if (blocker.state === 'blocked') blocker.reset();
      }}
    >
      {() => (
        <DialogActions>
          <button type="button" className={buttonClass()} onClick={() => dialog.current?.close()}>
            Keep editing
          </button>
          <button type="button" className={buttonClass({ variant: 'dangerSolid' })} onClick={() => blocker.proceed?.()}>
            Leave
          </button>
        </DialogActions>
      )}
    </Dialog>
  );
}
