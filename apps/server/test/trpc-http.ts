import superjson from 'superjson';

// tRPC over real HTTP, as a client without the tRPC library sends it.

export function query(base: string, procedure: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`, { headers });
}

export function mutate(base: string, procedure: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...headers },
    body: JSON.stringify(superjson.serialize(input)),
  });
}

/** The data of a successful response. */
export async function resultOf<T>(response: Response): Promise<T> {
  const body = (await response.json()) as { result?: { data: never }; error?: unknown };
  if (!body.result) throw new Error(`expected a result, got ${response.status} ${JSON.stringify(body.error)}`);
  return superjson.deserialize<T>(body.result.data);
}

/** The error of a failed response, as the error formatter shaped it. */
export async function errorOf(response: Response): Promise<{ message: string; data: { code: string; field: string | null } }> {
  const body = (await response.json()) as { error?: { json: never } };
  if (!body.error) throw new Error(`expected an error, got ${response.status}`);
  return body.error.json;
}

let counter = 0;
/** Registers a new account; returns the session cookie to send. */
export async function signUp(base: string): Promise<{ cookie: string; username: string; password: string }> {
  const suffix = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const username = `http_${suffix}`;
  const password = `long password ${suffix}`;
  const response = await mutate(base, 'auth.register', { email: `${username}@example.com`, username, password });
  if (response.status !== 200) throw new Error(`registering failed with ${response.status}`);
  return { cookie: response.headers.getSetCookie()[0]?.split(';')[0] ?? '', username, password };
}

/** A signed-up account: its cookie and user id. */
export interface Person {
  cookie: string;
  id: string;
}

export async function person(base: string): Promise<Person> {
  const { cookie } = await signUp(base);
  const me = await resultOf<{ id: string }>(await query(base, 'auth.me', undefined, { cookie }));
  return { cookie, id: me.id };
}

/** A mutation as `who`, returning its data. */
export async function callAs<T>(base: string, who: Person, procedure: string, input: unknown): Promise<T> {
  return resultOf<T>(await mutate(base, procedure, input, { cookie: who.cookie }));
}
