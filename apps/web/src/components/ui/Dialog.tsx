import { type ReactNode, type RefObject, useId } from 'react';
import { cx } from '../../lib/class-names';
import styles from './Dialog.module.css';

interface DialogProps {
  ref: RefObject<HTMLDialogElement | null>;
  title: string;
  description: ReactNode;
  /** It asks to confirm something that cannot be undone: the title is in red. */
  danger?: boolean;
  /** However it closes: a button, Escape. */
  onClose: () => void;
  /** Gets the title's id, to name a form after it. */
  children: (titleId: string) => ReactNode;
}

/** A modal dialog (open it with `ref.current.showModal()`): a question to confirm, or a short form. */
export function Dialog({ ref, title, description, danger = false, onClose, children }: DialogProps) {
  const titleId = useId();
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId} onClose={onClose}>
      <div className={styles.content}>
        <h2 id={titleId} className={cx(styles.title, danger && styles.danger)}>
          {title}
        </h2>
        <p className={styles.description}>{description}</p>
        {children(titleId)}
      </div>
    </dialog>
  );
}

/** The dialog's buttons, at its end. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className={styles.actions}>{children}</div>;
}
