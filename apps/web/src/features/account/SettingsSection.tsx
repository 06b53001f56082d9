import { type ReactNode, useId } from 'react';
import { cx } from '../../lib/class-names';
import styles from './SettingsSection.module.css';

interface SettingsSectionProps {
  title: string;
  description: ReactNode;
  danger?: boolean;
  /** Gets the heading's id, to name the section's form after it. */
  children: (titleId: string) => ReactNode;
}

/** One block of the account page: what it is about on the left, its form on the right. */
export function SettingsSection({ title, description, danger = false, children }: SettingsSectionProps) {
  const titleId = useId();
  return (
    <section className={cx(styles.section, danger && styles.danger)} aria-labelledby={titleId}>
      <div className={styles.intro}>
        <h2 id={titleId}>{title}</h2>
        <p>{description}</p>
      </div>
      <div className={styles.body}>{children(titleId)}</div>
    </section>
  );
}
