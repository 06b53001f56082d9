import { chatSendInput, MESSAGE_MAX } from '@estate/api/schemas';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { buttonClass } from '../../components/ui/button';
import { useSignedInUser } from '../../hooks/use-session';
import { type ApiError, errorMessage } from '../../lib/api-error';
import { cx } from '../../lib/class-names';
import { formatNumber } from '../../lib/format';
import styles from './Composer.module.css';
import type { ChatSummary } from './chat-cache';
import { useSendMessage } from './use-chat';

/** From this many characters on, the count shows. */
const COUNT_FROM = MESSAGE_MAX - 200;

/** Why the server did not take the message, for people. */
function sendError(error: ApiError): string {
  if (error.data?.code === 'TOO_MANY_REQUESTS') {
    const seconds = error.data.retryAfterSeconds;
    const wait = seconds ? (seconds === 1 ? '1 second' : `${seconds} seconds`) : 'a minute';
    return `You are sending messages too quickly. Wait ${wait}, then send it again.`;
  }
  const fieldError = error.data?.zodError?.fieldErrors.text?.[0];
  return `Could not send your message. ${fieldError ?? errorMessage(error)}`;
}

/**
 * Writes and sends a message: Enter sends, Shift+Enter starts a new line. The message shows in
 * the conversation at once and the box empties for the next one; if the server refuses it,
 * its text comes back to the box, so a refusal loses nothing.
 */
export function Composer({ chat, name }: { chat: ChatSummary; name: string }) {
  const me = useSignedInUser();
  const send = useSendMessage(me.id);
  const [text, setText] = useState('');
  // The browser's own check (empty, too long), before anything is sent.
  const [problem, setProblem] = useState<string | null>(null);
  // The server's refusal of the last message sent (several may be on their way at once).
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const closed = chat.otherDeleted;

  function submit() {
    if (closed) return;
    const checked = chatSendInput.shape.text.safeParse(text);
    if (!checked.success) {
      setProblem(checked.error.issues[0]?.message ?? 'Write a message');
      textarea.current?.focus();
      return;
    }
    setProblem(null);
    setRefusal(null);
    setText('');
    textarea.current?.focus();
    send.mutateAsync({ chatId: chat.id, text }).catch((error: ApiError) => {
      setRefusal(error);
      // Before whatever was typed since.
      setText((typed) => (typed.trim() === '' ? text : `${text}\n${typed}`));
      textarea.current?.focus();
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Not while an input method is composing a character (Enter picks it).
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // An empty Enter sends nothing, and says nothing.
    if (text.trim() !== '') submit();
  }

  const error = problem ?? (refusal && sendError(refusal));
  const showCount = text.length >= COUNT_FROM;
  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <form
      className={styles.composer}
      aria-label="Send a message"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Message to {name}
      </label>
      <div className={styles.row}>
        <textarea
          ref={textarea}
          id={id}
          className={styles.input}
          name="text"
          rows={1}
          placeholder={closed ? 'This conversation is closed' : 'Write a message…'}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          onKeyDown={onKeyDown}
          disabled={closed}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <button type="submit" className={cx(buttonClass({ variant: 'primary' }), styles.send)} disabled={closed}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d="M4 12 20 4l-4 16-4-6.5zM12 13.5 20 4" />
          </svg>
          <span className={styles.sendLabel}>Send</span>
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className={styles.error} role="alert">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className={cx(styles.hint, closed && styles.closed)}>
        {closed ? (
          'The other person deleted their account: you can read this conversation, but no longer reply.'
        ) : (
          <>
            <span className={styles.keys}>Enter sends, Shift+Enter starts a new line.</span>
            {showCount && (
              <span className={cx(styles.count, text.length > MESSAGE_MAX && styles.over)}>
                {formatNumber(text.length)} / {formatNumber(MESSAGE_MAX)}
              </span>
            )}
          </>
        )}
      </p>
    </form>
  );
}
