// Sends one photo to POST /api/uploads with XMLHttpRequest, the one browser API that reports
// upload progress. The server's checks (type by bytes, 10 MB) are repeated here first, so a
// wrong or oversized file is refused at once instead of after its upload.

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export interface UploadedPhoto {
  /** The largest size (`/uploads/<id>/lg.webp`), what listings and avatars store. */
  url: string;
  width: number;
  height: number;
}

/** A file the browser can tell will be refused: why, for people; null when it may go. */
export function photoProblem(file: File): string | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return `${file.name} is not a JPEG, PNG or WebP photo.`;
  if (file.size > MAX_PHOTO_BYTES) return `${file.name} is larger than 10 MB.`;
  return null;
}

export class UploadError extends Error {}

/** Uploads `file`; `onProgress` gets the fraction sent (0–1). Abort with `signal`. */
export function uploadPhoto(file: File, { onProgress, signal }: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {}) {
  return new Promise<UploadedPhoto>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/uploads');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as Partial<UploadedPhoto> & { error?: string };
      if (xhr.status === 201 && body.url) resolve(body as UploadedPhoto);
      else reject(new UploadError(body?.error ?? `The upload failed (${xhr.status}). Try again.`));
    };
    xhr.onerror = () => reject(new UploadError('Could not reach the server. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
