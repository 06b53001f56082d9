/**
 * The logging the packages need, in pino's argument order (the fields, then the message), so the
 * server hands them its pino logger; scripts and tests that pass none get the console.
 */
export interface Logger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

const withFields = (write: (...parts: unknown[]) => void) => (fields: object, message: string) =>
  Object.keys(fields).length > 0 ? write(message, fields) : write(message);

export const consoleLogger: Logger = {
  info: withFields(console.log),
  warn: withFields(console.warn),
  error: withFields(console.error),
};
