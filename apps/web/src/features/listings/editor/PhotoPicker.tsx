import { MAX_IMAGES } from '@estate/api/schemas';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { buttonClass } from '../../../components/ui/button';
import { ErrorText, Field } from '../../../components/ui/Field';
import { Photo } from '../../../components/ui/Photo';
import { cx } from '../../../lib/class-names';
import { formatCount } from '../../../lib/format';
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from '../../../lib/upload-photo';
import styles from './PhotoPicker.module.css';
import type { ListingPhoto, PhotoUploads } from './use-photo-uploads';

interface PhotoPickerProps {
  uploads: PhotoUploads;
  /** The browser's or the server's messages about the photos. */
  errors: string[] | undefined;
}

/**
 * Picks photos (the file dialog, or dropped on the field), shows each one's upload, and lets
 * the user retry, remove and reorder them with buttons: the first one is the cover.
 */
export function PhotoPicker({ uploads, errors }: PhotoPickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [dragging, setDragging] = useState(false);
  // A button that moved or removed its photo is gone from under the focus: after the list
  // renders again, this puts the focus back where the user was.
  const refocus = useRef<(() => void) | null>(null);
  const { photos } = uploads;
  const full = photos.length >= MAX_IMAGES;

  useEffect(() => {
    refocus.current?.();
    refocus.current = null;
  });

  function move(key: string, by: -1 | 1) {
    uploads.move(key, by);
    refocus.current = () => {
      const item = list.current?.querySelector(`[data-key="${key}"]`);
      const same = item?.querySelector<HTMLButtonElement>(`[data-move="${by}"]`);
      // At either end that button is disabled: the other one still moves the photo.
      (same?.disabled ? item?.querySelector<HTMLButtonElement>(`[data-move="${-by}"]`) : same)?.focus();
    };
  }

  function remove(key: string, index: number) {
    uploads.remove(key);
    refocus.current = () => {
      const removeButtons = list.current?.querySelectorAll<HTMLButtonElement>('[data-remove]');
      const next = removeButtons?.[Math.min(index, removeButtons.length - 1)];
      (next ?? input.current)?.focus();
    };
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (!full) uploads.add([...event.dataTransfer.files]);
  }

  return (
    <div className={styles.picker}>
      <Field
        label="Photos"
        hint={`1 to ${MAX_IMAGES} JPEG, PNG or WebP photos of up to ${MAX_PHOTO_BYTES / 1024 / 1024} MB each. Each uploads as soon as you add it; the first one is the cover.`}
        errors={errors}
        className={styles.field}
      >
        {(control) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: dropping files is a pointer shortcut; the file input inside is the way for everyone.
          <div
            className={cx(styles.dropZone, dragging && styles.dragging)}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
          >
            {/* Hidden but focusable: the browser's own file input says "No file chosen" beside photos already chosen. */}
            <input
              {...control}
              ref={input}
              className="visually-hidden"
              type="file"
              multiple
              accept={PHOTO_TYPES.join(',')}
              disabled={full}
              onChange={(event) => {
                uploads.add([...(event.target.files ?? [])]);
                // Picking the same file again, after removing it, is a change too.
                event.target.value = '';
              }}
            />
            {/* A second label, so the whole zone opens the file dialog; hidden from screen readers, for
                the field's own label already names the input. */}
            <label htmlFor={control.id} className={styles.zoneLabel} aria-hidden="true">
              <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
                <path
                  fill="currentColor"
                  d="M19 5v14H5V5h14m0-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2Zm-4.9 8.9-3 3.9L9 12.2 6 16h12l-3.9-5.1Z"
                />
              </svg>
              {full ? (
                <span>{MAX_IMAGES} photos: remove one to add another.</span>
              ) : (
                <>
                  <span className={styles.dropText}>Drop photos here, or</span>
                  <span className={buttonClass({ variant: 'primary' })}>Choose photos</span>
                </>
              )}
            </label>
          </div>
        )}
      </Field>
      {uploads.refused.length > 0 && <ErrorText role="alert">{uploads.refused.join(' ')}</ErrorText>}
      <p className={styles.status} role="status">
        {statusOf(uploads)}
      </p>
      {photos.length > 0 && (
        <ol ref={list} className={styles.photos} aria-label="Photo order">
          {photos.map((photo, index) => (
            <PhotoItem
              key={photo.key}
              photo={photo}
              index={index}
              last={index === photos.length - 1}
              onMove={(by) => move(photo.key, by)}
              onRetry={() => uploads.retry(photo.key)}
              onRemove={() => remove(photo.key, index)}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

/** Read out politely as it changes: uploads in progress, then failures, then how many there are. */
function statusOf({ photos, uploading, failed }: PhotoUploads): string {
  if (uploading) return `Uploading ${formatCount(uploading, 'photo')}…`;
  if (failed) return `${formatCount(failed, 'photo')} did not upload: retry or remove ${failed === 1 ? 'it' : 'them'}.`;
  if (photos.length) return `${photos.length} of ${MAX_IMAGES} photos.`;
  return '';
}

interface PhotoItemProps {
  photo: ListingPhoto;
  index: number;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onRetry: () => void;
  onRemove: () => void;
}

function PhotoItem({ photo, index, last, onMove, onRetry, onRemove }: PhotoItemProps) {
  const number = index + 1;
  return (
    <li className={cx(styles.photo, photo.status === 'failed' && styles.failed)} data-key={photo.key}>
      <div className={styles.frame}>
        <Photo
          src={photo.status === 'uploaded' ? photo.url : photo.preview}
          widths={['sm']}
          alt={index === 0 ? `Photo ${number}, the cover` : `Photo ${number}`}
          width={240}
          height={180}
        />
        {index === 0 && <span className={styles.cover}>Cover</span>}
        <button type="button" className={styles.remove} aria-label={`Remove photo ${number}`} title="Remove" data-remove onClick={onRemove}>
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <path d="m5 5 10 10M15 5 5 15" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {photo.status === 'uploading' && (
        <div className={styles.progress}>
          <progress max={1} value={photo.progress} aria-label={`Photo ${number} upload`} />
          <span aria-hidden="true">{photo.progress < 1 ? `${Math.round(photo.progress * 100)}%` : 'Processing…'}</span>
        </div>
      )}
      {photo.status === 'failed' && <ErrorText>{photo.error}</ErrorText>}
      <div className={styles.actions}>
        <MoveButton label={`Move photo ${number} earlier`} move={-1} disabled={index === 0} onClick={() => onMove(-1)} />
        <MoveButton label={`Move photo ${number} later`} move={1} disabled={last} onClick={() => onMove(1)} />
        {photo.status === 'failed' && (
          <button type="button" className={buttonClass({ small: true })} aria-label={`Retry photo ${number}`} onClick={onRetry}>
            Retry
          </button>
        )}
      </div>
    </li>
  );
}

interface MoveButtonProps {
  label: string;
  move: -1 | 1;
  disabled: boolean;
  onClick: () => void;
}

/** An arrow towards where the photo moves: left for earlier, right for later. */
function MoveButton({ label, move, disabled, onClick }: MoveButtonProps) {
  return (
    <button
      type="button"
      className={cx(buttonClass({ small: true }), styles.moveButton)}
      aria-label={label}
      title={label}
      data-move={move}
      disabled={disabled}
      onClick={onClick}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
        <path
          fill="currentColor"
          d={move < 0 ? 'M12.5 4 6.5 10l6 6 1.4-1.4L9.3 10l4.6-4.6z' : 'M7.5 4 6.1 5.4 10.7 10l-4.6 4.6L7.5 16l6-6z'}
        />
      </svg>
    </button>
  );
}
