import { deleteAccountInput } from '@estate/api/schemas';
import { useRef } from 'react';
import { buttonClass } from '../../components/ui/button';
import { Dialog, DialogActions } from '../../components/ui/Dialog';
import { Form } from '../../components/ui/Form';
import { FormAlert } from '../../components/ui/FormAlert';
import { TextField } from '../../components/ui/TextField';
import { useForm } from '../../hooks/use-form';
import { useDeleteAccount } from './use-account';

/** The danger zone: a button that opens a dialog asking for the password, the second deliberate step. */
export function DeleteAccount() {
  const dialog = useRef<HTMLDialogElement>(null);
  const remove = useDeleteAccount();
  const form = useForm({ schema: deleteAccountInput, mutation: remove });

  function open() {
    dialog.current?.showModal();
    // React's autoFocus acts on mount, when the dialog is still closed.
    dialog.current?.querySelector('input')?.focus();
  }

  return (
    <>
      <button type="button" className={buttonClass({ variant: 'danger' })} onClick={open}>
        Delete account
      </button>
      <Dialog
        ref={dialog}
        title="Delete your account?"
        description="Your profile, your listings, your saved homes and your conversations will be deleted for good. This cannot be undone. Enter your password to confirm."
        // However it closes (Cancel, Escape), it opens clean next time.
        onClose={form.reset}
      >
        {(titleId) => (
          <Form {...form.props} aria-labelledby={titleId}>
            <FormAlert message={form.alert} />
            <TextField {...form.field('password')} label="Password" type="password" autoComplete="current-password" />
            <DialogActions>
              <button type="button" className={buttonClass()} onClick={() => dialog.current?.close()}>
                Cancel
              </button>
              <button type="submit" className={buttonClass({ variant: 'dangerSolid' })} disabled={remove.isPending}>
                {remove.isPending ? 'Deleting…' : 'Delete my account'}
              </button>
            </DialogActions>
          </Form>
        )}
      </Dialog>
    </>
  );
}
