import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '../../components/ui/FormAlert';
import { TextField } from '../../components/ui/TextField';
import { useNextPath } from '../../hooks/use-next-path';
import { useSetMe } from '../../hooks/use-session';
import { formErrorsOf, formText } from '../../lib/forms';
import { paths } from '../../lib/paths';
import { trpc } from '../../lib/trpc';
import { AuthCard } from './AuthCard';

const fields = ['email', 'username', 'password'] as const;

/** Registering sets `me`; the RequireSignedOut route then takes the user on to `?next=`. */
export function RegisterPage() {
  const next = useNextPath();
  const setMe = useSetMe();
  const register = trpc.auth.register.useMutation({ onSuccess: setMe });

  const errors = formErrorsOf(register.error, fields);
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    register.mutate({ email: formText(data, 'email'), username: formText(data, 'username'), password: formText(data, 'password') });
  }

  return (
    <AuthCard
      title="Create your account"
      titleId="register-title"
      lead="Save your details once, then list homes and keep track of the ones you like."
      footer={
        <>
          Already have an account? <Link to={paths.login(next)}>Sign in</Link>
        </>
      }
    >
      <form className="form" aria-labelledby="register-title" noValidate onSubmit={handleSubmit}>
        <FormAlert message={errors.alert} />
        <TextField label="Email" name="email" type="email" autoComplete="email" spellCheck={false} errors={errors.fields.email} />
        <TextField
          label="Username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          hint="3–30 letters, digits, _ or -. Shown on your listings."
          errors={errors.fields.username}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters, and not your username or email."
          errors={errors.fields.password}
        />
        <button type="submit" className="button button--primary button--block" disabled={register.isPending}>
          {register.isPending ? 'Creating account…' : 'Create account'}
        </button>
      </form>
    </AuthCard>
  );
}
