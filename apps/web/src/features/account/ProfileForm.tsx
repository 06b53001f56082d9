import { userUpdateInput } from '@estate/api/schemas';
import { useState } from 'react';
import { Avatar } from '../../components/ui/Avatar';
import { buttonClass } from '../../components/ui/button';
import { Hint } from '../../components/ui/Field';
import { Form, FormActions, FormStatus } from '../../components/ui/Form';
import { FormAlert } from '../../components/ui/FormAlert';
import { TextField } from '../../components/ui/TextField';
import { useForm } from '../../hooks/use-form';
import type { Me } from '../../hooks/use-session';
import styles from './ProfileForm.module.css';
import { useUpdateProfile } from './use-account';

type ProfileValues = Record<'username' | 'email' | 'avatar', string>;

function valuesOf(me: Me): ProfileValues {
  return { username: me.username, email: me.email, avatar: me.avatar ?? '' };
}

/** Username, email and avatar address; the header and the lister's name on listings follow a save. */
export function ProfileForm({ me, titleId }: { me: Me; titleId: string }) {
  const [values, setValues] = useState(() => valuesOf(me));
  const update = useUpdateProfile();
  const form = useForm({
    schema: userUpdateInput,
    mutation: update,
    // An empty avatar address removes the avatar.
    toInput: ({ avatar = '', ...texts }) => ({ ...texts, avatar: avatar.trim() || null }),
    // The server normalises (trims, lower-cases the email): show what it kept.
    onSuccess: (user) => setValues(valuesOf(user)),
  });
  const saved = update.isSuccess && Object.entries(valuesOf(me)).every(([field, value]) => values[field as keyof ProfileValues] === value);

  function edit(field: keyof ProfileValues, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  function removeAvatar() {
    // Only the avatar: unsaved edits to the other fields stay unsaved.
    update.mutate({ avatar: null }, { onSuccess: () => edit('avatar', '') });
  }

  return (
    <Form {...form.props} aria-labelledby={titleId}>
      <FormAlert message={form.alert} />
      <div className={styles.avatarField}>
        <Avatar username={me.username} src={me.avatar} size="large" />
        <div className={styles.avatarText}>
          <p className={styles.avatarLabel}>{me.avatar ? 'Your avatar' : 'No avatar yet'}</p>
          {me.avatar ? (
            <button type="button" className={buttonClass({ small: true })} onClick={removeAvatar} disabled={update.isPending}>
              Remove avatar
            </button>
          ) : (
            <Hint>Others see your initial until you add one.</Hint>
          )}
        </div>
      </div>
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
      <TextField
        {...form.field('avatar')}
        label="Avatar image URL"
        type="url"
        inputMode="url"
        autoComplete="photo"
        placeholder="https://"
        hint="The https:// address of a square picture. Leave it empty for none."
        value={values.avatar}
        onChange={(event) => edit('avatar', event.target.value)}
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
