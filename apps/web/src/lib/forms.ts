import { type ApiError, errorMessage } from './api-error';

/** zod's messages as the server sends them: per field (a dotted path: `title`, `detail.desc`) and for the input as a whole. */
export type ZodMessages = NonNullable<NonNullable<ApiError['data']>['zodError']>;

/** What a form shows: messages beside its fields, and one for the form as a whole. */
export interface FormErrors {
  fields: Partial<Record<string, string[]>>;
  alert: string | null;
}

/** A zod issue, as far as a form cares. */
interface Issue {
  path: PropertyKey[];
  message: string;
}

/** The browser's zod issues in the server's format, so both are shown the same way. */
export function zodMessages(issues: readonly Issue[]): ZodMessages {
  const messages: ZodMessages = { formErrors: [], fieldErrors: {} };
  for (const { path, message } of issues) {
    if (path.length === 0) {
      messages.formErrors.push(message);
      continue;
    }
    const field = path.map(String).join('.');
    messages.fieldErrors[field] = [...(messages.fieldErrors[field] ?? []), message];
  }
  return messages;
}

/**
 * Sorts the browser's and the server's messages: those about the form's own fields go beside
 * them (zod's, and `data.field` for a taken email or a wrong password); anything else (a wrong
 * sign-in, a rate limit, a field this form does not have) becomes the form's alert, so no
 * message is lost.
 */
export function formErrorsOf(fields: readonly string[], client: ZodMessages | null, server: ApiError | null): FormErrors {
  const result: FormErrors = { fields: {}, alert: null };
  const alerts: string[] = [];
  const add = (name: string, messages: string[]) => {
    if (fields.includes(name)) result.fields[name] = [...(result.fields[name] ?? []), ...messages];
    else alerts.push(...messages);
  };

  for (const messages of [client, server?.data?.zodError]) {
    if (!messages) continue;
    alerts.push(...messages.formErrors);
    for (const [name, list] of Object.entries(messages.fieldErrors)) if (list?.length) add(name, list);
  }
  if (server && !server.data?.zodError) {
    const field = server.data?.field;
    if (field && fields.includes(field)) add(field, [server.message]);
    else alerts.push(alertMessage(server));
  }
  result.alert = alerts.length ? alerts.join(' ') : null;
  return result;
}

function alertMessage(error: ApiError): string {
  const wait = error.data?.retryAfterSeconds;
  if (error.data?.code === 'TOO_MANY_REQUESTS' && wait) return `Too many attempts. Try again in ${formatWait(wait)}.`;
  return errorMessage(error);
}

function formatWait(seconds: number): string {
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** The text of every named control of a form, as it would be submitted. */
export function formTexts(form: HTMLFormElement): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') texts[name] = value;
  return texts;
}
