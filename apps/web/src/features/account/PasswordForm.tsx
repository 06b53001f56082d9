import { changePasswordInput, PASSWORD_HINT } from '@estate/api/schemas';
import { buttonClass } from '../../components/ui/button';
import { Form, FormActions, FormStatus } from '../../components/ui/Form';
import { FormAlert } from '../../components/ui/FormAlert';
import { PasswordField } from '../../components/ui/PasswordField';
import { useForm } from '../../hooks/use-form';
import { formatCount } from '../../lib/format';
import { useChangePassword } from './use-account';

/** A new password, given the current one; the server signs out every other session. */
export function PasswordForm({ titleId }: { titleId: string }) {
  const change = useChangePassword();
  const form = useForm({
    schema: changePasswordInput,
    mutation: change,
    // A typo here would lock the user out, and only this page can catch it.
    check: (texts) => (texts.newPassword === texts.confirmPassword ? {} : { confirmPassword: ['The two new passwords are not the same.'] }),
    onSuccess: (_, element) => element.reset(),
  });

  return (
    <Form {...form.props} aria-labelledby={titleId}>
      <FormAlert message={form.alert} />
      <PasswordField {...form.field('currentPassword')} label="Current password" autoComplete="current-password" />
      <PasswordField {...form.field('newPassword')} label="New password" autoComplete="new-password" hint={PASSWORD_HINT} />
      <PasswordField {...form.field('confirmPassword')} label="Confirm new password" autoComplete="new-password" />
      <FormActions>
        <button type="submit" className={buttonClass({ variant: 'primary' })} disabled={change.isPending}>
          {change.isPending ? 'Changing password…' : 'Change password'}
        </button>
        <FormStatus>{change.isSuccess && `Password changed. ${describeEnded(change.data.otherSessionsEnded)}`}</FormStatus>
      </FormActions>
    </Form>
  );
}

function describeEnded(count: number): string {
  if (count === 0) return 'You were not signed in anywhere else.';
  return `${formatCount(count, 'other session')} ${count === 1 ? 'was' : 'were'} signed out.`;
}
