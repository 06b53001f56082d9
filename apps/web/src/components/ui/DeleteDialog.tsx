import type { ReactNode, RefObject } from 'react';
import { type ApiError, errorMessage } from '../../lib/api-error';
import { buttonClass } from './button';
import { Dialog, DialogActions } from './Dialog';
import { FormAlert } from './FormAlert';

/** What the dialog needs of a delete mutation. */
interface Deletion<Input> {
  mutate: (input: Input, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: ApiError | null;
  reset: () => void;
}

interface DeleteDialogProps<Input> {
  /** Open it with `ref.current.showModal()`. */
  ref: RefObject<HTMLDialogElement | null>;
  title: string;
  description: ReactNode;
  /** The confirming button's text: "Delete listing". */
  confirmLabel: string;
  deletion: Deletion<Input>;
  /** What to delete, as `deletion` takes it; null before it is chosen. */
  input: Input | null;
  /** After the server deleted it and the dialog closed. */
  onDeleted: () => void;
}

/** Asks before deleting something for good, and says why if the server refuses. */
export function DeleteDialog<Input>({ ref, title, description, confirmLabel, deletion, input, onDeleted }: DeleteDialogProps<Input>) {
  function confirm() {
    if (input === null) return;
    deletion.mutate(input, {
      onSuccess() {
        ref.current?.close();
        onDeleted();
      },
    });
  }

  return (
    // However it closes, it opens without the last refusal.
    <Dialog ref={ref} danger title={title} description={description} onClose={() => deletion.reset()}>
      {() => (
        <>
          <FormAlert message={deletion.error && `Could not delete it. ${errorMessage(deletion.error)}`} />
          <DialogActions>
            <button type="button" className={buttonClass()} onClick={() => ref.current?.close()}>
              Cancel
            </button>
            <button type="button" className={buttonClass({ variant: 'dangerSolid' })} onClick={confirm} disabled={deletion.isPending}>
              {deletion.isPending ? 'Deleting…' : confirmLabel}
            </button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
