import type { InputHTMLAttributes } from 'react';
import { Field } from './Field';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  name: string;
  hint?: string;
  errors?: string[] | undefined;
}

/** A labelled text input with its hint and messages. */
export function TextField({ label, hint, errors, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => <input type="text" {...input} {...control} />}
    </Field>
  );
}
