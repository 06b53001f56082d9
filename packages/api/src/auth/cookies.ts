import { SESSION_TTL_MS } from './session.js';

export const SESSION_COOKIE = 'estate_session';

/** Where a cookie goes: the response's headers, and whether the client reached us over HTTPS. */
interface CookieTarget {
  resHeaders: Headers;
  secure: boolean;
}

/** A value that is not valid percent-encoding is taken as it is: it matches no session, so the caller is signed out. */
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The value of one cookie from a Cookie header, or null. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeCookieValue(part.slice(eq + 1).trim());
  }
  return null;
}

/**
 * The session cookie: HttpOnly so scripts cannot read it, SameSite=Lax so other sites'
 * forms and fetches do not carry it, Secure whenever the site is served over HTTPS.
 */
function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Sends a session's cookie, living as long as the session (send it after the session is committed). */
export function setSessionCookie({ resHeaders, secure }: CookieTarget, token: string): void {
  resHeaders.append('set-cookie', sessionCookie(token, SESSION_TTL_MS / 1000, secure));
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie({ resHeaders, secure }: CookieTarget): void {
  resHeaders.append('set-cookie', sessionCookie('', 0, secure));
}
