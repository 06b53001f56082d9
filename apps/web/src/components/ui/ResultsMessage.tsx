import type { ReactNode } from 'react';
import styles from './ResultsMessage.module.css';

/** Stands in for a list of results that is empty or could not be asked for: a heading, a line, perhaps a way on. */
export function ResultsMessage({ role, children }: { role?: 'alert'; children: ReactNode }) {
  return (
    <div className={styles.message} role={role}>
      {children}
    </div>
  );
}
