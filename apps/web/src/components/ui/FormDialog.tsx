import type { ComponentProps, ReactNode, RefObject } from 'react';
import { buttonClass } from './button';
import { Dialog, DialogActions } from './Dialog';
import { Form } from './Form';
import { FormAlert } from './FormAlert';

interface FormDialogProps {
  /** Open it with `ref.current.showModal()`. */
  ref: RefObject<HTMLDialogElement | null>;
  title: string;
  description: ReactNode;
  /** It does something that cannot be undone: the title and the submit button are red. */
  danger?: boolean;
  /** What useForm gives: the form's props, its alert, and its reset. */
  form: { props: Omit<ComponentProps<typeof Form>, 'children'>; alert: string | null; reset: () => void };
  submitLabel: string;
  /** The submit button's text while the server answers: "Saving…". */
  pendingLabel: string;
  pending: boolean;
  /** The fields. */
  children: ReactNode;
}

/** A modal dialog that is a form: its alert, its fields, then Cancel and the submit button. */
export function FormDialog({
  ref,
  title,
  description,
  danger = false,
  form,
  submitLabel,
  pendingLabel,
  pending,
  children,
}: FormDialogProps) {
  return (
    // However it closes (Cancel, Escape, a success), it opens next time with the fields as they started and no messages.
    <Dialog ref={ref} title={title} description={description} danger={danger} onClose={form.reset}>
      {(titleId) => (
        <Form {...form.props} aria-labelledby={titleId}>
          <FormAlert message={form.alert} />
          {children}
          <DialogActions>
            <button type="button" className={buttonClass()} onClick={() => ref.current?.close()}>
              Cancel
            </button>
            <button type="submit" className={buttonClass({ variant: danger ? 'dangerSolid' : 'primary' })} disabled={pending}>
              {pending ? pendingLabel : submitLabel}
            </button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}
