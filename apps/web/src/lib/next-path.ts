/**
 * The page to return to after signing in, from a `?next=` value: only a path on this site,
 * so a crafted link cannot send the user to another one (`//evil.example`, `/\evil.example`).
 */
export function safeNextPath(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  const url = new URL(value, window.location.origin);
  return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : '/';
}

/** `path?next=…`, leaving slashes readable (`/login?next=/account`); home needs no `next`. */
export function withNext(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next).replaceAll('%2F', '/')}`;
}
