import { useLocation, useNavigate } from 'react-router';
import styles from './PageNotice.module.css';

/** A one-off message handed over by the page before (`navigate(to, { state: { notice } })`). */
export function PageNotice() {
  const location = useLocation();
  const navigate = useNavigate();
  const notice: unknown = (location.state as { notice?: unknown } | null)?.notice;
  if (typeof notice !== 'string') return null;
  return (
    <div className="container">
      <div className={styles.notice} role="status">
        <p>{notice}</p>
        {/* Dropping the state keeps the notice from coming back on reload or on Back. */}
        <button
          type="button"
          className={styles.close}
          aria-label="Dismiss"
          onClick={() => navigate(location, { replace: true, state: null })}
        >
          ×
        </button>
      </div>
    </div>
  );
}
