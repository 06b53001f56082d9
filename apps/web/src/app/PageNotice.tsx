import { useLocation, useNavigate } from 'react-router';
import { DismissButton } from '../components/ui/DismissButton';
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
        <DismissButton onClick={() => navigate(location, { replace: true, state: null })} />
      </div>
    </div>
  );
}
