// Times as a conversation shows them, in the reader's own time zone.

const clock = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short' });
const dayMonth = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const fullDay = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric' });
const fullDayYear = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
const dateYear = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
const full = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short' });

const DAY_MS = 24 * 60 * 60_000;

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Whole days between `date`'s day and today's (0 today, 1 yesterday). */
function daysAgo(date: Date, now: Date): number {
  return Math.round((startOfDay(now) - startOfDay(date)) / DAY_MS);
}

/** A message's time of day: "2:05 PM". */
export function formatClock(date: Date): string {
  return clock.format(date);
}

/** The date and time in full, for a tooltip. */
export function formatFull(date: Date): string {
  return full.format(date);
}

/** When a chat was last active, as short as the list can show it: "2:05 PM", "Mon", "Nov 3", "Nov 3, 2025". */
export function formatListTime(date: Date, now = new Date()): string {
  const days = daysAgo(date, now);
  if (days <= 0) return clock.format(date);
  if (days < 7) return weekday.format(date);
  return date.getFullYear() === now.getFullYear() ? dayMonth.format(date) : dateYear.format(date);
}

/** The heading of a day's messages: "Today", "Yesterday", "Monday, November 3". */
export function formatDay(date: Date, now = new Date()): string {
  const days = daysAgo(date, now);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return date.getFullYear() === now.getFullYear() ? fullDay.format(date) : fullDayYear.format(date);
}

export function sameDay(a: Date, b: Date): boolean {
  return startOfDay(a) === startOfDay(b);
}
