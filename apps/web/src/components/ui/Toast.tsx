import { type ReactNode, useEffect, useId, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { useDocumentVisible } from '../../hooks/use-document-visible';
import { cx } from '../../lib/class-names';
import { buttonClass } from './button';
import { DismissButton } from './DismissButton';
import styles from './Toast.module.css';

// Short news that needs no answer ("New home for …"): shown over the page for a while, then
// gone. Any code may show one with showToast(); the layout's <Toaster> shows them all.

export interface ToastContent {
  message: ReactNode;
  /** A way to act on it (open the home); following it dismisses the toast. */
  action?: { label: string; to: string };
}

interface Toast extends ToastContent {
  id: number;
}

/** How long a toast stays, counted while it is on screen and neither pointed at nor focused; it starts over after. */
const lifetime = 10_000;
/** More at once would cover the page: the oldest go first. */
const maxShown = 3;

let toasts: readonly Toast[] = [];
let lastId = 0;
const listeners = new Set<() => void>();

function setToasts(next: readonly Toast[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function dismiss(id: number) {
  setToasts(toasts.filter((toast) => toast.id !== id));
}

/** Shows a toast below the others. */
export function showToast(content: ToastContent): void {
  lastId += 1;
  setToasts([...toasts, { ...content, id: lastId }].slice(-maxShown));
}

/**
 * Where toasts appear (the layout renders it once): a polite live region, always there, so
 * each new toast is read out once when it is added, without interrupting.
 */
export function Toaster() {
  const shown = useSyncExternalStore(subscribe, () => toasts);
  return (
    <div className={styles.toaster} role="status" aria-live="polite" aria-atomic="false" aria-label="Notifications">
      {shown.map((toast) => (
        <ToastView key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastView({ toast }: { toast: Toast }) {
  const visible = useDocumentVisible();
  const [pointed, setPointed] = useState(false);
  const [focused, setFocused] = useState(false);
  const messageId = useId();
  // Not while someone reads it or is about to press its buttons, nor while the tab is in the background.
  const counting = visible && !pointed && !focused;
  useEffect(() => {
    if (!counting) return;
    const timer = setTimeout(() => dismiss(toast.id), lifetime);
    return () => clearTimeout(timer);
  }, [counting, toast.id]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointing at it or focusing into it only holds its countdown; its buttons are the controls.
    <div
      className={styles.toast}
      onPointerEnter={() => setPointed(true)}
      onPointerLeave={() => setPointed(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => setFocused(event.currentTarget.contains(event.relatedTarget))}
    >
      <p id={messageId} className={styles.message}>
        {toast.message}
      </p>
      {toast.action && (
        <Link
          className={cx(buttonClass({ small: true }), styles.action)}
          to={toast.action.to}
          aria-describedby={messageId}
          onClick={() => dismiss(toast.id)}
        >
          {toast.action.label}
        </Link>
      )}
      <DismissButton onClick={() => dismiss(toast.id)} />
    </div>
  );
}
