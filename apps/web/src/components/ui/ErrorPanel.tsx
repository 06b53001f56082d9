import { type ApiError, errorMessage } from '../../lib/api-error';
import { buttonClass } from './button';
import styles from './ErrorPanel.module.css';

interface ErrorPanelProps {
  title: string;
  error: ApiError;
  onRetry: () => void;
  retrying: boolean;
}

/** A failed request: what the server said, and a way to ask again. */
export function ErrorPanel({ title, error, onRetry, retrying }: ErrorPanelProps) {
  return (
    <div className={styles.panel} role="alert">
      <h2 className={styles.title}>{title}</h2>
      <p>{errorMessage(error)}</p>
      <button type="button" className={buttonClass()} onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
