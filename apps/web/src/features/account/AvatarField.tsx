import { useId, useRef } from 'react';
import { Avatar } from '../../components/ui/Avatar';
import { buttonClass } from '../../components/ui/button';
import { ErrorText, Hint } from '../../components/ui/Field';
import type { Me } from '../../hooks/use-session';
import { PHOTO_TYPES } from '../../lib/upload-photo';
import styles from './AvatarField.module.css';
import { useChangeAvatar } from './use-account';

/** The avatar, saved as soon as a photo is picked (or removed), apart from the profile form's fields. */
export function AvatarField({ me }: { me: Me }) {
  const avatar = useChangeAvatar();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();
  const describedBy = avatar.error ? `${hintId} ${errorId}` : hintId;

  return (
    <div className={styles.field}>
      <Avatar username={me.username} src={me.avatar} size="large" />
      <div className={styles.text}>
        <p className={styles.label}>Avatar</p>
        <div className={styles.actions}>
          {/* The file input stays hidden: this button opens its picker, with a name and a focus ring of its own. */}
          <button
            type="button"
            className={buttonClass({ small: true })}
            aria-describedby={describedBy}
            disabled={avatar.pending}
            onClick={() => input.current?.click()}
          >
            {me.avatar ? 'Change avatar' : 'Upload avatar'}
          </button>
          <input
            ref={input}
            type="file"
            accept={PHOTO_TYPES.join(',')}
            aria-label="Avatar photo"
            hidden
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Emptied, so picking the same file again (after an error) is a change too.
              event.target.value = '';
              if (file) avatar.change(file);
            }}
          />
          {me.avatar && (
            <button type="button" className={buttonClass({ small: true })} disabled={avatar.pending} onClick={() => avatar.change(null)}>
              Remove avatar
            </button>
          )}
        </div>
        {avatar.pending && <AvatarProgress progress={avatar.progress} />}
        <Hint id={hintId}>
          A JPEG, PNG or WebP photo, up to 10 MB; square ones fit best.{!me.avatar && ' Until you add one, others see your initial.'}
        </Hint>
        {avatar.error && (
          <ErrorText id={errorId} role="alert">
            {avatar.error}
          </ErrorText>
        )}
      </div>
    </div>
  );
}

/** How much of the photo has gone; after the last byte, the server still resizes it and we save it. */
function AvatarProgress({ progress }: { progress: number | null }) {
  const uploading = progress !== null && progress < 1;
  return (
    <div className={styles.progress}>
      <progress max={1} value={uploading ? progress : undefined} aria-label="Avatar upload" />
      {/* Only the step is announced, not every percent; the progress bar has the number. */}
      <span role="status">{uploading ? 'Uploading…' : 'Saving…'}</span>
      {uploading && <span aria-hidden="true">{Math.round(progress * 100)}%</span>}
    </div>
  );
}
