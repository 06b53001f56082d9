import { type InputHTMLAttributes, useId } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  name: string;
  /** The server's (or the form's) messages about this field. */
  errors?: string[] | undefined;
  hint?: string;
}

/** A labelled input with its hint and its error messages wired to it for screen readers. */
export function TextField({ label, errors, hint, ...input }: TextFieldProps) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  const describedBy = [hint && `${id}-hint`, invalid && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" {...input} aria-invalid={invalid || undefined} aria-describedby={describedBy || undefined} />
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {invalid && (
        <p className="field-error" id={`${id}-error`}>
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}
