import type { ReactNode } from 'react';
import styles from './EditorPage.module.css';

/** The frame of the listing editor's pages: one column, as a form reads top to bottom. */
export function EditorPage({ children }: { children: ReactNode }) {
  return <div className={`container ${styles.page}`}>{children}</div>;
}
