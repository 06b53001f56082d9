import { Fragment, type ReactNode, useId } from 'react';
import { cx } from '../../lib/class-names';
import styles from './Field.module.css';

/** What a field gives its control, so the label, hint and messages are read out with it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  hint?: string | undefined;
  /** The browser's or the server's messages about this field. */
  errors?: string[] | undefined;
  /** Small, muted labels, as in a search bar. */
  compact?: boolean;
  className?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control (input, select) with its hint and its error messages. */
export function Field({ label, hint, errors, compact = false, className, children }: FieldProps) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  const describedBy = [hint && `${id}-hint`, invalid && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className={cx(styles.field, compact && styles.compact, className)}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy || undefined })}
      {hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
      {invalid && (
        <ErrorText id={`${id}-error`}>
          {/* One message a line; the space between them keeps them apart when read out. */}
          {errors?.map((message, index) => (
            <Fragment key={message}>
              {index > 0 && ' '}
              <span className={styles.message}>{message}</span>
            </Fragment>
          ))}
        </ErrorText>
      )}
    </div>
  );
}

/** Help beside a control. */
export function Hint({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p className={styles.hint} id={id}>
      {children}
    </p>
  );
}

/** A short error in red: a field's messages, or a list that could not load more. */
export function ErrorText({ id, role, children }: { id?: string; role?: 'alert'; children: ReactNode }) {
  return (
    <p className={styles.error} id={id} role={role}>
      {children}
    </p>
  );
}
