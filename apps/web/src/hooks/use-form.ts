import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ApiError } from '../lib/api-error';
import { formErrorsOf, formTexts, type ZodMessages, zodMessages } from '../lib/forms';

/** What a form needs of a tRPC mutation. */
interface Mutation<Input, Output> {
  mutate: (input: Input, options?: { onSuccess?: (output: Output) => void }) => void;
  error: ApiError | null;
  reset: () => void;
}

interface FormOptions<Schema extends z.ZodObject, Output, Extra extends string> {
  /** The procedure's own input schema (`@estate/api/schemas`): the browser checks what the server will, with its messages. */
  schema: Schema;
  mutation: Mutation<z.output<Schema>, Output>;
  /** The input from the form's texts, when it is not the texts of the schema's fields as they are. */
  toInput?: (texts: Record<string, string>) => unknown;
  /** A rule only the browser knows (two passwords that must match): messages per field, none when it holds. */
  check?: (texts: Record<string, string>) => Partial<Record<Extra, string[]>>;
  onSuccess?: (output: Output, form: HTMLFormElement) => void;
}

/**
 * A form that sends one mutation. On submit it validates the form's texts with the schema and
 * sends them only when valid; the browser's messages and the server's are shown alike, beside
 * their fields or in the form's alert, and focus moves to the first invalid field. The fields
 * keep what the user typed.
 */
export function useForm<Schema extends z.ZodObject, Output, Extra extends string = never>({
  schema,
  mutation,
  toInput,
  check,
  onSuccess,
}: FormOptions<Schema, Output, Extra>) {
  type Field = Extract<keyof z.input<Schema>, string> | Extra;
  const ref = useRef<HTMLFormElement>(null);
  // The browser's messages from the last submit: the schema's, and the check's.
  const [client, setClient] = useState<{ zod: ZodMessages | null; checked: Partial<Record<Extra, string[]>> } | null>(null);
  const schemaFields = Object.keys(schema.shape);

  // After each refusal, from either side.
  useEffect(() => {
    if (client || mutation.error) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [client, mutation.error]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const texts = formTexts(form);
    const parsed = schema.safeParse(toInput ? toInput(texts) : Object.fromEntries(schemaFields.map((name) => [name, texts[name]])));
    const checked = check?.(texts) ?? {};
    if (!parsed.success || Object.values(checked).length > 0) {
      mutation.reset();
      setClient({ zod: parsed.success ? null : zodMessages(parsed.error.issues), checked });
      return;
    }
    setClient(null);
    mutation.mutate(parsed.data, { onSuccess: (output) => onSuccess?.(output, form) });
  }

  const errors = formErrorsOf(schemaFields, client?.zod ?? null, mutation.error);
  const fieldErrors: Partial<Record<string, string[]>> = { ...errors.fields, ...client?.checked };
  return {
    /** Spread on the `<form>`. */
    props: { ref, onSubmit, noValidate: true },
    /** Spread on the field's TextField: its name and its messages. */
    field: (name: Field) => ({ name, errors: fieldErrors[name] }),
    alert: errors.alert,
    /** Empties the fields and forgets every message, as when a dialog closes. */
    reset() {
      ref.current?.reset();
      setClient(null);
      mutation.reset();
    },
  };
}
