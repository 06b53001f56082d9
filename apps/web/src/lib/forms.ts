import { type ApiError, errorMessage, fieldErrorsOf } from './api-error';

/** What a form shows for a failed request: messages beside its fields, and one for the form. */
export interface FormErrors<Field extends string> {
  fields: Partial<Record<Field, string[]>>;
  alert: string | null;
}

/**
 * Sorts the server's messages: zod's per-field messages and `data.field` (a taken email, a
 * wrong password) go beside the form's own fields; anything else (a wrong sign-in, a rate
 * limit, a field this form does not have) becomes the form's alert, so no message is lost.
 */
export function formErrorsOf<Field extends string>(error: ApiError | null, fields: readonly Field[]): FormErrors<Field> {
  const result: FormErrors<Field> = { fields: {}, alert: null };
  if (!error) return result;
  const isOurs = (name: string): name is Field => (fields as readonly string[]).includes(name);
  const alerts: string[] = [...(error.data?.zodError?.formErrors ?? [])];

  for (const [name, messages] of Object.entries(fieldErrorsOf(error))) {
    if (!messages?.length) continue;
    if (isOurs(name)) result.fields[name] = messages;
    else alerts.push(...messages);
  }
  const field = error.data?.field;
  if (field && isOurs(field)) result.fields[field] = [error.message];
  else if (!error.data?.zodError) alerts.push(alertMessage(error));

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

/** A text field's value from a submitted form ('' when absent). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
