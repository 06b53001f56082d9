import { defaultSearchName, describeFilters, SAVED_SEARCH_NAME_MAX, savedSearchCreateInput } from '@estate/api/schemas';
import { useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { AlertIcon } from '../../components/ui/AlertIcon';
import { buttonClass } from '../../components/ui/button';
import { FormDialog } from '../../components/ui/FormDialog';
import { TextField } from '../../components/ui/TextField';
import { showToast } from '../../components/ui/Toast';
import { useForm } from '../../hooks/use-form';
import { useMe } from '../../hooks/use-session';
import { paths, type SearchFilters } from '../../lib/paths';
import { useSaveSearch } from './use-save-search';

/**
 * "Save this search": a dialog to name the search (after its filters, unless changed), which
 * saves it for alerts. The order of the results is not part of it. A visitor is sent to sign
 * in first, and back here.
 */
export function SaveSearch({ filters }: { filters: SearchFilters }) {
  const me = useMe();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
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

  function open() {
    if (!me.data) {
      void navigate(paths.login(pathname + search));
      return;
    }
    dialog.current?.showModal();
    // Typing replaces the suggested name; Enter keeps it.
    dialog.current?.querySelector('input')?.select();
  }

  return (
    <>
      {/* Until we know who is asking, a click could do neither. */}
      <button type="button" className={buttonClass({ small: true })} onClick={open} disabled={me.isPending}>
        <AlertIcon size={18} />
        Save this search
      </button>
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
    </>
  );
}
