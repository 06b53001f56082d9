import styles from './NoPhoto.module.css';

/** Stands in for a listing without images. */
export function NoPhoto() {
  return (
    <div className={styles.noPhoto}>
      <svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true">
        <path d="M12 3 2 11h3v9h5v-6h4v6h5v-9h3z" fill="currentColor" />
      </svg>
      <span>No photo</span>
    </div>
  );
}
