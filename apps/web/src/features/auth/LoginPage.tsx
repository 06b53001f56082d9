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

const fields = ['identifier', 'password'] as const;

/** Signing in sets `me`; the RequireSignedOut route then takes the user on to `?next=`. */
export function LoginPage() {
  const next = useNextPath();
  const setMe = useSetMe();
  const login = trpc.auth.login.useMutation({ onSuccess: setMe });

  const errors = formErrorsOf(login.error, fields);
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    login.mutate({ identifier: formText(data, 'identifier'), password: formText(data, 'password') });
  }

  return (
    <AuthCard
      title="Sign in"
      titleId="login-title"
      lead="Welcome back. Sign in to manage your account and listings."
      footer={
        <>
          New to Estate? <Link to={paths.register(next)}>Create an account</Link>
        </>
      }
    >
      <form className="form" aria-labelledby="login-title" noValidate onSubmit={handleSubmit}>
        <FormAlert message={errors.alert} />
        <TextField
          label="Email or username"
          name="identifier"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          errors={errors.fields.identifier}
        />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" errors={errors.fields.password} />
        <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
