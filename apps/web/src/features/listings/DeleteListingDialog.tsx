import type { RefObject } from 'react';
import { buttonClass } from '../../components/ui/button';
import { Dialog, DialogActions } from '../../components/ui/Dialog';
import { FormAlert } from '../../components/ui/FormAlert';
import { errorMessage } from '../../lib/api-error';
import { useDeletePost } from './use-delete-post';

interface DeleteListingDialogProps {
  /** Open it with `ref.current.showModal()`. */
  ref: RefObject<HTMLDialogElement | null>;
  /** The listing to delete; null before one is chosen. */
  listing: { id: string; title: string } | null;
  /** After the server deleted it and the dialog closed. */
  onDeleted: (title: string) => void;
}

/** Asks before deleting a listing for good, and says why if the server refuses. */
export function DeleteListingDialog({ ref, listing, onDeleted }: DeleteListingDialogProps) {
  const remove = useDeletePost();

  function confirm() {
    if (!listing) return;
    remove.mutate(
      { id: listing.id },
      {
        onSuccess() {
          ref.current?.close();
          onDeleted(listing.title);
        },
      },
    );
  }

  return (
    <Dialog
      ref={ref}
      title="Delete this listing?"
      description={
        <>
          <strong>{listing?.title}</strong> will be removed with its details and photos, and from everyone's saved homes. This cannot be
          undone.
        </>
      }
      // However it closes, it opens without the last refusal.
      onClose={() => remove.reset()}
    >
      {() => (
        <>
          <FormAlert message={remove.error && `Could not delete it. ${errorMessage(remove.error)}`} />
          <DialogActions>
            <button type="button" className={buttonClass()} onClick={() => ref.current?.close()}>
              Cancel
            </button>
            <button type="button" className={buttonClass({ variant: 'dangerSolid' })} onClick={confirm} disabled={remove.isPending}>
              {remove.isPending ? 'Deleting…' : 'Delete listing'}
            </button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
