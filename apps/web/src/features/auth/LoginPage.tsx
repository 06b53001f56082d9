import { loginInput } from '@estate/api/schemas';
import { Link } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { Form } from '../../components/ui/Form';
import { FormAlert } from '../../components/ui/FormAlert';
import { PasswordField } from '../../components/ui/PasswordField';
import { TextField } from '../../components/ui/TextField';
import { useForm } from '../../hooks/use-form';
import { useNextPath } from '../../hooks/use-next-path';
import { paths } from '../../lib/paths';
import { AuthCard } from './AuthCard';
import { useLogin } from './use-sign-in';

export function LoginPage() {
  const next = useNextPath();
  const login = useLogin();
  const form = useForm({ schema: loginInput, mutation: login });

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
      <Form {...form.props} aria-labelledby="login-title">
        <FormAlert message={form.alert} />
        <TextField
          {...form.field('identifier')}
          label="Email or username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <PasswordField {...form.field('password')} label="Password" autoComplete="current-password" />
        <button type="submit" className={buttonClass({ variant: 'primary', block: true })} disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>
    </AuthCard>
  );
}
