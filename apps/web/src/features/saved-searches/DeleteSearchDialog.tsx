import type { RefObject } from 'react';
import { DeleteDialog } from '../../components/ui/DeleteDialog';
import { type SavedSearch, useDeleteSavedSearch } from './use-saved-searches';

interface DeleteSearchDialogProps {
  /** Open it with `ref.current.showModal()`. */
  ref: RefObject<HTMLDialogElement | null>;
  /** The search to delete; null before one is chosen. */
  search: SavedSearch | null;
  /** After the server deleted it and the dialog closed. */
  onDeleted: (name: string) => void;
}

/** Asks before deleting a saved search, and says why if the server refuses. */
export function DeleteSearchDialog({ ref, search, onDeleted }: DeleteSearchDialogProps) {
  const remove = useDeleteSavedSearch();
  return (
    <DeleteDialog
      ref={ref}
      title="Delete this saved search?"
      description={
        <>
          <strong>{search?.name}</strong> will be deleted, with its alerts. The homes it found stay listed.
        </>
      }
      confirmLabel="Delete search"
      deletion={remove}
      input={search && { id: search.id }}
      onDeleted={() => search && onDeleted(search.name)}
    />
  );
}
