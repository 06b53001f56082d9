import { deleteAccountInput } from '@estate/api/schemas';
import { useRef } from 'react';
import { buttonClass } from '../../components/ui/button';
import { FormDialog } from '../../components/ui/FormDialog';
import { PasswordField } from '../../components/ui/PasswordField';
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
      <FormDialog
        ref={dialog}
        danger
        title="Delete your account?"
        description="Your profile, your listings, your saved homes and your conversations will be deleted for good. This cannot be undone. Enter your password to confirm."
        form={form}
        submitLabel="Delete my account"
        pendingLabel="Deleting…"
        pending={remove.isPending}
      >
        <PasswordField {...form.field('password')} label="Password" autoComplete="current-password" />
      </FormDialog>
    </>
  );
}
