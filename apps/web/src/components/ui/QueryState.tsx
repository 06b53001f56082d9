import type { ReactNode } from 'react';
import { type ApiError, isNotFound } from '../../lib/api-error';
import { ErrorPanel } from './ErrorPanel';
import { NotFound } from './NotFound';
import styles from './QueryState.module.css';

interface QueryStateProps<T> {
  /** The query a page stands on (the listing, the profile, who is signed in). */
  query: { data: T | undefined; error: ApiError | null; isFetching: boolean; refetch: () => unknown };
  /** Shown until the first answer, usually the page's skeleton. */
  pending: ReactNode;
  /** The 404 panel for a record that does not exist, or an address that cannot name one. */
  notFound?: { title: string; message: string };
  /** The error panel's title for any other failure. */
  errorTitle: string;
  /** Under the page's own heading, in its frame: the error panel alone, without a page's margins. */
  inline?: boolean;
  children: (data: T) => ReactNode;
}

/**
 * A page's loading, 404 and error states around what it shows once its query answers. An
 * answer already on screen stays there if a later refetch fails.
 */
export function QueryState<T>({ query, pending, notFound, errorTitle, inline = false, children }: QueryStateProps<T>) {
  if (query.data !== undefined) return children(query.data);
  if (!query.error) return pending;
  if (notFound && isNotFound(query.error)) return <NotFound {...notFound} />;
  const panel = <ErrorPanel title={errorTitle} error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} />;
  return inline ? panel : <div className={`container ${styles.error}`}>{panel}</div>;
}
