import { MAX_IMAGES } from '@estate/api/schemas';
import { useEffect, useRef, useState } from 'react';
import { photoProblem, UploadError, uploadPhoto } from '../../../lib/upload-photo';

/** One photo of the listing, in its place in the order; `key` stays the same as it moves. */
export type ListingPhoto =
  | { key: string; status: 'uploaded'; url: string }
  /** `preview` is an object URL of the file, shown until the upload answers. */
  | { key: string; status: 'uploading'; file: File; preview: string; progress: number }
  | { key: string; status: 'failed'; file: File; preview: string; error: string };

let lastKey = 0;
const newKey = () => `photo-${++lastKey}`;

/**
 * The listing's photos, in order: those it has (`initial`) and those the user adds, each
 * uploaded as soon as it is picked. `images` is the uploaded ones' URLs, what the listing
 * stores; a photo still uploading or failed is not among them.
 */
export function usePhotoUploads(initial: readonly string[]) {
  const [photos, setPhotos] = useState<ListingPhoto[]>(() => initial.map((url) => ({ key: newKey(), status: 'uploaded', url })));
  /** Why files of the last pick were left out (a PDF, too large, too many). */
  const [refused, setRefused] = useState<string[]>([]);
  const uploads = useRef(new Map<string, AbortController>());
  const previews = useRef(new Map<string, string>());

  // Leaving the page stops the uploads and frees the previews' memory.
  useEffect(() => {
    const running = uploads.current;
    const shown = previews.current;
    return () => {
      for (const upload of running.values()) upload.abort();
      for (const preview of shown.values()) URL.revokeObjectURL(preview);
    };
  }, []);

  function change(key: string, to: (photo: ListingPhoto) => ListingPhoto) {
    setPhotos((list) => list.map((photo) => (photo.key === key ? to(photo) : photo)));
  }

  function dropPreview(key: string) {
    const preview = previews.current.get(key);
    if (preview) URL.revokeObjectURL(preview);
    previews.current.delete(key);
  }

  function upload(key: string, file: File) {
    const controller = new AbortController();
    uploads.current.set(key, controller);
    uploadPhoto(file, {
      signal: controller.signal,
      onProgress: (progress) => change(key, (photo) => (photo.status === 'uploading' ? { ...photo, progress } : photo)),
    })
      .then(({ url }) => {
        change(key, () => ({ key, status: 'uploaded', url }));
        dropPreview(key);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof UploadError ? error.message : 'The upload failed. Try again.';
        change(key, (photo) => (photo.status === 'uploading' ? { ...photo, status: 'failed', error: message } : photo));
      })
      .finally(() => uploads.current.delete(key));
  }

  function add(files: readonly File[]) {
    const problems: string[] = [];
    const fitting: File[] = [];
    for (const file of files) {
      const problem = photoProblem(file);
      if (problem) problems.push(problem);
      else fitting.push(file);
    }
    const room = Math.max(0, MAX_IMAGES - photos.length);
    if (fitting.length > room) {
      const left = fitting.length - room;
      problems.push(`A listing has at most ${MAX_IMAGES} photos: ${left === 1 ? '1 photo was' : `${left} photos were`} left out.`);
    }
    setRefused(problems);
    const added = fitting.slice(0, room).map((file) => {
      const preview = URL.createObjectURL(file);
      const key = newKey();
      previews.current.set(key, preview);
      return { key, status: 'uploading', file, preview, progress: 0 } as const;
    });
    setPhotos((list) => [...list, ...added]);
    for (const photo of added) upload(photo.key, photo.file);
  }

  function retry(key: string) {
    const photo = photos.find((candidate) => candidate.key === key);
    if (photo?.status !== 'failed') return;
    change(key, () => ({ key, status: 'uploading', file: photo.file, preview: photo.preview, progress: 0 }));
    upload(key, photo.file);
  }

  function remove(key: string) {
    uploads.current.get(key)?.abort();
    dropPreview(key);
    setPhotos((list) => list.filter((photo) => photo.key !== key));
  }

  /** Moves a photo one place earlier (-1) or later (1). */
  function move(key: string, by: -1 | 1) {
    setPhotos((list) => {
      const from = list.findIndex((photo) => photo.key === key);
      const to = from + by;
      if (from < 0 || to < 0 || to >= list.length) return list;
      const moved = [...list];
      [moved[from], moved[to]] = [moved[to] as ListingPhoto, moved[from] as ListingPhoto];
      return moved;
    });
  }

  return {
    photos,
    images: photos.flatMap((photo) => (photo.status === 'uploaded' ? [photo.url] : [])),
    uploading: photos.filter((photo) => photo.status === 'uploading').length,
    failed: photos.filter((photo) => photo.status === 'failed').length,
    refused,
    add,
    retry,
    remove,
    move,
  };
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>;
