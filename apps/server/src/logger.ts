import { type DestinationStream, type Level, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON lines on stdout, one per event, for log collectors; the ISO time and the level's name
 * keep them readable for a person running `pnpm start`. Writes are synchronous, so the line
 * explaining why the process exits is never lost to that exit.
 */
export function createLogger(options: { level?: Level | 'silent'; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      // No pid and hostname on every line: an orchestrator labels each process's output itself.
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
