import styles from './PageLoading.module.css';

/** A whole page waiting for its first answer. */
export function PageLoading({ label }: { label: string }) {
  return (
    <div className={`container ${styles.loading}`} aria-busy="true">
      <span className={styles.spinner} aria-hidden="true" />
      <p role="status">{label}</p>
    </div>
  );
}
