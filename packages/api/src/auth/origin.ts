/**
 * Whether a state-changing request may proceed: a browser names the page that sent it in
 * `Origin` (or at least `Sec-Fetch-Site`), and only the app's own pages, or origins
 * configured as trusted, may change state. A request with neither header does not come
 * from a browser, so it cannot be a cross-site forgery riding on a user's cookie.
 */
export function isAllowedOrigin(headers: Pick<Headers, 'get'>, ownOrigin: string, trusted: readonly string[]): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return origin === ownOrigin || trusted.includes(origin);
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin' || site === 'none';
  return true;
}
