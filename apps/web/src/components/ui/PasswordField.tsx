import { type InputHTMLAttributes, useEffect, useRef, useState } from 'react';
import { Field } from './Field';
import styles from './PasswordField.module.css';

interface PasswordFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  label: string;
  name: string;
  hint?: string;
  errors?: string[] | undefined;
}

/**
 * A labelled password input with a Show/Hide button, so a long password can be checked before
 * it is sent. The button's text is its name ("Show new password"), so what it says is what it
 * is called, shown or hidden.
 */
export function PasswordField({ label, hint, errors, ...input }: PasswordFieldProps) {
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  // A form that starts over (a dialog closed, a password changed) hides it again.
  useEffect(() => {
    const form = ref.current?.form;
    const hide = () => setShown(false);
    form?.addEventListener('reset', hide);
    return () => form?.removeEventListener('reset', hide);
  }, []);
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => (
        <div className={styles.password}>
          <input ref={ref} {...input} {...control} type={shown ? 'text' : 'password'} autoCapitalize="none" spellCheck={false} />
          <button type="button" className={styles.toggle} aria-controls={control.id} onClick={() => setShown((current) => !current)}>
            {shown ? 'Hide' : 'Show'}
            <span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        </div>
      )}
    </Field>
  );
}
