/** The cookie the server keeps a signed-in session in (HttpOnly in a browser; here, held by the client). */
export const SESSION_COOKIE = 'estate_session';

/**
 * The session cookie outside a browser, where nothing keeps cookies: taken from every
 * response's `Set-Cookie` (sign-in sets it, sign-out and an expired session clear it, a
 * sliding refresh renews it) and sent back with every request.
 */
export class SessionJar {
  constructor(public token: string | null = null) {}

  /** Adds the cookie to a request's headers. */
  apply(headers: Headers): void {
    if (this.token) headers.set('cookie', `${SESSION_COOKIE}=${encodeURIComponent(this.token)}`);
  }

  /** Keeps what a response says about the session cookie. */
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0 || pair.slice(0, eq).trim() !== SESSION_COOKIE) continue;
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*0\s*$/i.test(attribute));
      this.token = value && !expired ? value : null;
    }
  }
}
