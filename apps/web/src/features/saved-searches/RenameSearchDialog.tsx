import { SAVED_SEARCH_NAME_MAX, savedSearchRenameInput } from '@estate/api/schemas';
import type { RefObject } from 'react';
import { FormDialog } from '../../components/ui/FormDialog';
import { TextField } from '../../components/ui/TextField';
import { useForm } from '../../hooks/use-form';
import { type SavedSearch, useRenameSavedSearch } from './use-saved-searches';

interface RenameSearchDialogProps {
  /** Open it with `ref.current.showModal()`. */
  ref: RefObject<HTMLDialogElement | null>;
  /** The search to rename; null before one is chosen. */
  search: SavedSearch | null;
}

/** A new name for a saved search; the messages stand beside the field, and the typed name stays. */
export function RenameSearchDialog({ ref, search }: RenameSearchDialogProps) {
  const rename = useRenameSavedSearch();
  const form = useForm({
    schema: savedSearchRenameInput,
    mutation: rename,
    toInput: (texts) => ({ id: search?.id, name: texts.name }),
    onSuccess: () => ref.current?.close(),
  });
  return (
    <FormDialog
      ref={ref}
      title="Rename this search"
      description={search?.summary}
      form={form}
      submitLabel="Save name"
      pendingLabel="Saving…"
      pending={rename.isPending}
    >
      <TextField {...form.field('name')} label="Name" defaultValue={search?.name} maxLength={SAVED_SEARCH_NAME_MAX} autoComplete="off" />
    </FormDialog>
  );
}
