import type { RefObject } from 'react';
import { DeleteDialog } from '../../components/ui/DeleteDialog';
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
  return (
    <DeleteDialog
      ref={ref}
      title="Delete this listing?"
      description={
        <>
          <strong>{listing?.title}</strong> will be removed with its details and photos, and from everyone's saved homes. This cannot be
          undone.
        </>
      }
      confirmLabel="Delete listing"
      deletion={remove}
      input={listing && { id: listing.id }}
      onDeleted={() => listing && onDeleted(listing.title)}
    />
  );
}
