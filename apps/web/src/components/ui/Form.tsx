import type { ComponentProps, ReactNode } from 'react';
import styles from './Form.module.css';

/** A stacked form: fields, then its actions. */
export function Form(props: Omit<ComponentProps<'form'>, 'className'>) {
  return <form {...props} className={styles.form} />;
}

/** The submit button and whatever goes beside it. */
export function FormActions({ children }: { children: ReactNode }) {
  return <div className={styles.actions}>{children}</div>;
}

/** What the last submit did ("Saved"); always rendered, so screen readers announce the change. */
export function FormStatus({ children }: { children: ReactNode }) {
  return (
    <p className={styles.status} role="status">
      {children}
    </p>
  );
}
