import { type FormEvent, useRef } from 'react';
import { FormAlert } from '../../components/ui/FormAlert';
import { TextField } from '../../components/ui/TextField';
import { useForgetMe } from '../../hooks/use-session';
import { formErrorsOf, formText } from '../../lib/forms';
import { paths } from '../../lib/paths';
import { trpc } from '../../lib/trpc';
import './DeleteAccount.css';

const fields = ['password'] as const;

/** The danger zone: a button that opens a dialog asking for the password, the second deliberate step. */
export function DeleteAccount() {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const forgetMe = useForgetMe();
  const remove = trpc.user.delete.useMutation({
    onSuccess: () => forgetMe(paths.home(), 'Your account has been deleted. We are sorry to see you go.'),
  });
  const errors = formErrorsOf(remove.error, fields);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.mutate({ password: formText(new FormData(event.currentTarget), 'password') });
  }

  function open() {
    dialog.current?.showModal();
    // React's autoFocus acts on mount, when the dialog is still closed.
    const password = form.current?.elements.namedItem('password');
    if (password instanceof HTMLInputElement) password.focus();
  }

  // However it closes (Cancel, Escape), it opens clean next time.
  function handleClose() {
    form.current?.reset();
    remove.reset();
  }

  return (
    <>
      <button type="button" className="button button--danger" onClick={open}>
        Delete account
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="delete-account-title" onClose={handleClose}>
        <form ref={form} className="form" aria-labelledby="delete-account-title" noValidate onSubmit={handleSubmit}>
          <h2 id="delete-account-title">Delete your account?</h2>
          <p>
            Your profile, your listings, your saved homes and your conversations will be deleted for good. This cannot be undone. Enter your
            password to confirm.
          </p>
          <FormAlert message={errors.alert} />
          <TextField label="Password" name="password" type="password" autoComplete="current-password" errors={errors.fields.password} />
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
