import type { ReactNode } from 'react';
import { usePageTitle } from '../../hooks/use-page-title';
import styles from './AuthCard.module.css';

interface AuthCardProps {
  /** The heading, which also names the form (give the form `aria-labelledby={titleId}`). */
  title: string;
  titleId: string;
  lead: string;
  children: ReactNode;
  /** The way to the other form ("New here? …"). */
  footer: ReactNode;
}

/** The sign-in and register pages' frame: one narrow card, centred. */
export function AuthCard({ title, titleId, lead, children, footer }: AuthCardProps) {
  usePageTitle(title);
  return (
    <div className={styles.page}>
      <section className={styles.card}>
        <header className={styles.header}>
          <h1 id={titleId}>{title}</h1>
          <p>{lead}</p>
        </header>
        {children}
        <p className={styles.footer}>{footer}</p>
      </section>
    </div>
  );
}
