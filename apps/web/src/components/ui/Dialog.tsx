import { type KeyboardEvent, type ReactNode, type RefObject, useId } from 'react';
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

const tabbable =
  'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * Tab from the dialog's last control goes round to its first, and Shift+Tab from the first to
 * the last: a modal dialog makes the page behind it inert, but would let the focus out to the
 * browser's own controls.
 */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  // Those drawn: a control inside something hidden takes no focus.
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(tabbable)].filter(
    (control) => control.getClientRects().length > 0,
  );
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  const wrapTo = event.shiftKey ? (active === first || active === event.currentTarget ? last : null) : active === last ? first : null;
  if (!wrapTo) return;
  event.preventDefault();
  wrapTo.focus();
}

/**
 * A modal dialog (open it with `ref.current.showModal()`): a question to confirm, or a short
 * form. The browser gives the focus to its first control, and back to what had it on closing.
 */
export function Dialog({ ref, title, description, danger = false, onClose, children }: DialogProps) {
  const titleId = useId();
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId} onClose={onClose} onKeyDown={keepFocusInside}>
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
