import { PASSWORD_HINT, registerInput, USERNAME_HINT } from '@estate/api/schemas';
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
import { useRegister } from './use-sign-in';

export function RegisterPage() {
  const next = useNextPath();
  const register = useRegister();
  const form = useForm({ schema: registerInput, mutation: register });

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
      <Form {...form.props} aria-labelledby="register-title">
        <FormAlert message={form.alert} />
        <TextField {...form.field('email')} label="Email" type="email" autoComplete="email" spellCheck={false} />
        <TextField
          {...form.field('username')}
          label="Username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          hint={`${USERNAME_HINT} Shown on your listings.`}
        />
        <PasswordField {...form.field('password')} label="Password" autoComplete="new-password" hint={PASSWORD_HINT} />
        <button type="submit" className={buttonClass({ variant: 'primary', block: true })} disabled={register.isPending}>
          {register.isPending ? 'Creating account…' : 'Create account'}
        </button>
      </Form>
    </AuthCard>
  );
}
