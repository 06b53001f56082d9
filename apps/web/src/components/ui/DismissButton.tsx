import styles from './DismissButton.module.css';

/** The × that closes a notice; it takes the notice's text colour. */
export function DismissButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className={styles.dismiss} aria-label="Dismiss" onClick={onClick}>
      ×
    </button>
  );
}
