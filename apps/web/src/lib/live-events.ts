import type { RouterOutputs } from '@estate/api';

/** An event of the signed-in user's live stream (`chat.events`), which the chat feature holds. */
type LiveEvent = RouterOutputs['chat']['events'] extends AsyncIterable<{ data: infer Event }> ? Event : never;

/** Someone else listed (or changed) a home that now matches some of the signed-in user's saved searches. */
export type SearchAlert = Extract<LiveEvent, { kind: 'alert' }>;

/** What the saved searches make of the stream's alerts (the app hands it to the stream). */
export interface AlertListener {
  /** A stream has (re)started: alerts sent before it never came live, so counts must be asked for again. */
  resync(): void;
  alert(alert: SearchAlert): void;
}
