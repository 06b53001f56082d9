import { type FormEvent, useState } from 'react';
import { FormAlert } from '../../components/ui/FormAlert';
import { TextField } from '../../components/ui/TextField';
import { formatCount } from '../../lib/format';
import { formErrorsOf, formText } from '../../lib/forms';
import { trpc } from '../../lib/trpc';

const fields = ['currentPassword', 'newPassword'] as const;
const MISMATCH = ['The two new passwords are not the same.'];

/** A new password, given the current one; the server signs out every other session. */
export function PasswordForm({ titleId }: { titleId: string }) {
  const [mismatch, setMismatch] = useState(false);
  const change = trpc.user.changePassword.useMutation();
  const errors = formErrorsOf(change.error, fields);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = formText(data, 'newPassword');
    // A typo here would lock the user out, and only this page can catch it.
    if (newPassword !== formText(data, 'confirmPassword')) {
      change.reset();
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate({ currentPassword: formText(data, 'currentPassword'), newPassword }, { onSuccess: () => form.reset() });
  }

  return (
    <form className="form" aria-labelledby={titleId} noValidate onSubmit={handleSubmit}>
      <FormAlert message={errors.alert} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={errors.fields.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters, and not your username or email."
        errors={errors.fields.newPassword}
      />
      <TextField
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        errors={mismatch ? MISMATCH : undefined}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {change.isPending ? 'Changing password…' : 'Change password'}
        </button>
        <p className="form-status" role="status">
          {change.isSuccess && `Password changed. ${describeEnded(change.data.otherSessionsEnded)}`}
        </p>
      </div>
    </form>
  );
}

function describeEnded(count: number): string {
  if (count === 0) return 'You were not signed in anywhere else.';
  return `${formatCount(count, 'other session')} ${count === 1 ? 'was' : 'were'} signed out.`;
}
