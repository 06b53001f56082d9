import { defaultSearchName, describeFilters, SAVED_SEARCH_NAME_MAX, type SearchAddress, savedSearchCreateInput } from '@estate/api/schemas';
import { useEffect, useRef } from 'react';
import { FormDialog } from '../../components/ui/FormDialog';
import { TextField } from '../../components/ui/TextField';
import { showToast } from '../../components/ui/Toast';
import { useForm } from '../../hooks/use-form';
import { paths } from '../../lib/paths';
import { useSaveSearch } from './use-save-search';

/** The dialog that names a search and saves it; it opens each time `opens` counts up. */
export function SaveSearchDialog({ filters, opens }: { filters: SearchAddress; opens: number }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const save = useSaveSearch();
  const form = useForm({
    schema: savedSearchCreateInput,
    mutation: save,
    toInput: (texts) => ({ name: texts.name, filters }),
    onSuccess(saved) {
      dialog.current?.close();
      showToast({ message: `Saved “${saved.name}”.`, action: { label: 'See Saved searches', to: paths.savedSearches() } });
    },
  });

  useEffect(() => {
    if (opens === 0) return;
    dialog.current?.showModal();
    // Typing replaces the suggested name; Enter keeps it.
    dialog.current?.querySelector('input')?.select();
  }, [opens]);

  return (
    <FormDialog
      ref={dialog}
      title="Save this search"
      description={
        <>
          Find it again in Saved searches, and hear of each new home that matches <strong>{describeFilters(filters)}</strong>.
        </>
      }
      form={form}
      submitLabel="Save search"
      pendingLabel="Saving…"
      pending={save.isPending}
    >
      <TextField
        {...form.field('name')}
        label="Name"
        defaultValue={defaultSearchName(filters)}
        maxLength={SAVED_SEARCH_NAME_MAX}
        autoComplete="off"
      />
    </FormDialog>
  );
}
