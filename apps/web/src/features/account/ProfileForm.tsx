import { userUpdateInput } from '@estate/api/schemas';
import { useState } from 'react';
import { buttonClass } from '../../components/ui/button';
import { Form, FormActions, FormStatus } from '../../components/ui/Form';
import { FormAlert } from '../../components/ui/FormAlert';
import { TextField } from '../../components/ui/TextField';
import { useForm } from '../../hooks/use-form';
import type { Me } from '../../hooks/use-session';
import { useUpdateProfile } from './use-account';

type ProfileValues = Record<'username' | 'email', string>;

function valuesOf(me: Me): ProfileValues {
  return { username: me.username, email: me.email };
}

/** Username and email; the header and the lister's name on listings follow a save. */
export function ProfileForm({ me, titleId }: { me: Me; titleId: string }) {
  const [values, setValues] = useState(() => valuesOf(me));
  const update = useUpdateProfile();
  const form = useForm({
    schema: userUpdateInput,
    mutation: update,
    // The server normalises (trims, lower-cases the email): show what it kept.
    onSuccess: (user) => setValues(valuesOf(user)),
  });
  const saved = update.isSuccess && Object.entries(valuesOf(me)).every(([field, value]) => values[field as keyof ProfileValues] === value);

  function edit(field: keyof ProfileValues, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  return (
    <Form {...form.props} aria-labelledby={titleId}>
      <FormAlert message={form.alert} />
      <TextField
        {...form.field('username')}
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={values.username}
        onChange={(event) => edit('username', event.target.value)}
      />
      <TextField
        {...form.field('email')}
        label="Email"
        type="email"
        autoComplete="email"
        spellCheck={false}
        value={values.email}
        onChange={(event) => edit('email', event.target.value)}
      />
      <FormActions>
        <button type="submit" className={buttonClass({ variant: 'primary' })} disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save profile'}
        </button>
        <FormStatus>{saved && 'Saved'}</FormStatus>
      </FormActions>
    </Form>
  );
}
