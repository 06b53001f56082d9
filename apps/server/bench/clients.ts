import { createSession } from '@estate/api';
import type { Db } from '@estate/db';
import superjson from 'superjson';

// The benchmarks' people and their HTTP calls: sessions written straight to the database
// (signing up a thousand people through argon2 would take a minute), tRPC mutations, and
// chat.events streams read as a browser's EventSource reads them.

export interface Person {
  id: string;
  cookie: string;
}

/** A live session for each of `ids`. */
export async function signedIn(db: Db, ids: readonly string[]): Promise<Person[]> {
  const people: Person[] = [];
  for (const id of ids) {
    const { token } = await createSession(db.prisma, id);
    people.push({ id, cookie: `estate_session=${token}` });
  }
  return people;
}

/** `n` new users, signed in. */
export async function people(db: Db, prefix: string, n: number): Promise<Person[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    email: `${prefix}${i}@bench.example`,
    username: `${prefix}${i}`,
    passwordHash: 'not-a-password-hash',
  }));
  await db.prisma.user.createMany({ data: rows });
  const users = await db.prisma.user.findMany({ where: { username: { startsWith: prefix } }, select: { id: true, username: true } });
  const byName = new Map(users.map((user) => [user.username, user.id]));
  return signedIn(
    db,
    rows.map((row) => byName.get(row.username) ?? ''),
  );
}

/** A mutation as `person`; throws with the server's error. */
export async function call(base: string, person: Person, procedure: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${base}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: person.cookie },
    body: JSON.stringify(superjson.serialize(input)),
  });
  const body = (await response.json()) as { result?: { data: never }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`${procedure}: ${response.status} ${JSON.stringify(body.error).slice(0, 300)}`);
  return superjson.deserialize(body.result.data);
}

/** An open chat.events stream: calls `onData` with each event's raw data line. */
export async function subscribe(base: string, person: Person, onData: (data: string) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${base}/trpc/chat.events`, {
    headers: { accept: 'text/event-stream', cookie: person.cookie },
    signal,
  });
  if (!response.ok || !response.body) throw new Error(`chat.events: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let connected: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    connected = resolve;
  });
  void (async () => {
    let buffered = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        connected();
        buffered += value;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) if (line.startsWith('data:')) onData(line);
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  await ready;
}
