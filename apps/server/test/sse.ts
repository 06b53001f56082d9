import superjson from 'superjson';

// A server-sent event stream read as a browser's EventSource reads it, without tRPC's client:
// blocks of `event:`, `data:` and `id:` lines separated by a blank line.

export interface SseEvent {
  /** tRPC's own events: `connected`, `ping`, `serialized-error`, `return`; none for data. */
  event: string | null;
  id: string | null;
  data: string;
}

/** The URL of chat.events, with `lastEventId` in the input as httpSubscriptionLink sends it on a reconnect. */
export function eventsUrl(base: string, lastEventId?: string): string {
  const input = lastEventId === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ lastEventId })))}`;
  return `${base}/trpc/chat.events${input}`;
}

/** A tracked event's data, as the client deserialises it. */
export const dataOf = <T>(event: SseEvent): T => superjson.deserialize<T>(JSON.parse(event.data));

function parse(block: string): SseEvent {
  const event: SseEvent = { event: null, id: null, data: '' };
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.event = value;
    else if (field === 'id') event.id = value;
    else if (field === 'data') event.data = event.data ? `${event.data}\n${value}` : value;
  }
  return event;
}

/** Opens an event stream; `next` reads events (pings skipped), `ended` waits for the server to end it. */
export async function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  if (!response.body) throw new Error(`no stream: ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  let buffer = '';
  let done = false;
  // A read still pending when a wait timed out: the next wait takes it over, so no chunk is lost.
  let reading: ReturnType<typeof reader.read> | null = null;

  /** Reads until `enough()` or the end of the stream; false if `ms` passed first. */
  async function readUntil(enough: () => boolean, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (!enough() && !done) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      reading ??= reader.read();
      const chunk = await Promise.race([
        reading,
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), left);
        }),
      ]);
      clearTimeout(timer);
      if (chunk === 'timeout') return false;
      reading = null;
      if (chunk.done) done = true;
      else buffer += chunk.value;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) if (block.trim()) events.push(parse(block.trim()));
    }
    return enough();
  }

  const pending = () => events.filter((event) => event.event !== 'ping');
  return {
    response,
    /** The next `count` events (tRPC's `connected` among them), failing after `ms`. */
    async next(count: number, ms = 5000): Promise<SseEvent[]> {
      if (!(await readUntil(() => pending().length >= count, ms))) {
        throw new Error(`expected ${count} events, got ${JSON.stringify(pending())}${done ? ' and the end' : ''}`);
      }
      const taken = pending().slice(0, count);
      events.splice(0, events.indexOf(taken.at(-1) as SseEvent) + 1);
      return taken;
    },
    /** Resolves true once the server ends the stream within `ms`, with what came before the end. */
    async ended(ms = 5000): Promise<{ ended: boolean; events: SseEvent[] }> {
      const ended = await readUntil(() => done, ms);
      return { ended, events: pending() };
    },
    close() {
      reading?.catch(() => {}); // the read under way fails with the abort
      controller.abort();
    },
  };
}
