import type { ReactNode, Ref } from 'react';
import { usePageTitle } from '../../hooks/use-page-title';
import styles from './PageHeader.module.css';

interface PageHeaderProps {
  /** The page's heading, and the tab's title. */
  title: string;
  /** A line under the heading. */
  description?: ReactNode;
  /** A call to action at the header's end. */
  action?: ReactNode;
  /** For a page that moves focus back to its start (after what had focus went away). */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The top of a signed-in page: its heading, what it is about, and what to do there. */
export function PageHeader({ title, description, action, headingRef }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <header className={styles.header}>
      <div className={styles.text}>
        <h1 ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
          {title}
        </h1>
        {description && <p>{description}</p>}
      </div>
      {action}
    </header>
  );
}
