import { deleteAccountInput } from '@estate/api/schemas';
import { useRef } from 'react';
import { FormAlert } from '../../components/ui/FormAlert';
import { TextField } from '../../components/ui/TextField';
import { useForm } from '../../hooks/use-form';
import { useForgetMe } from '../../hooks/use-session';
import { paths } from '../../lib/paths';
import { trpc } from '../../lib/trpc';
import './DeleteAccount.css';

/** The danger zone: a button that opens a dialog asking for the password, the second deliberate step. */
export function DeleteAccount() {
  const dialog = useRef<HTMLDialogElement>(null);
  const forgetMe = useForgetMe();
  const remove = trpc.user.delete.useMutation({
    onSuccess: () => forgetMe(paths.home(), 'Your account has been deleted. We are sorry to see you go.'),
  });
  const form = useForm({ schema: deleteAccountInput, mutation: remove });

  function open() {
    dialog.current?.showModal();
    // React's autoFocus acts on mount, when the dialog is still closed.
    dialog.current?.querySelector('input')?.focus();
  }

  return (
    <>
      <button type="button" className="button button--danger" onClick={open}>
        Delete account
      </button>
      {/* However it closes (Cancel, Escape), it opens clean next time. */}
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="delete-account-title" onClose={form.reset}>
        <form {...form.props} className="form" aria-labelledby="delete-account-title">
          <h2 id="delete-account-title">Delete your account?</h2>
          <p>
            Your profile, your listings, your saved homes and your conversations will be deleted for good. This cannot be undone. Enter your
            password to confirm.
          </p>
          <FormAlert message={form.alert} />
          <TextField {...form.field('password')} label="Password" type="password" autoComplete="current-password" />
          <div className="confirm-dialog__actions">
            <button type="button" className="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="button button--danger-solid" disabled={remove.isPending}>
              {remove.isPending ? 'Deleting…' : 'Delete my account'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
