// Images are referenced by URL paths on this site only: a photo the user uploaded (its
// largest size; the smaller ones sit beside it) or one of the bundled demo pictures.
// Which uploads a user may use is checked by the procedures against the database.

/** The sizes each upload is stored in, by name and width in pixels (never enlarged). */
export const UPLOAD_SIZES = { sm: 480, md: 1024, lg: 1920 } as const;
export type UploadSize = keyof typeof UPLOAD_SIZES;

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `/uploads/<id>/lg.webp`: what POST /api/uploads answers and what listings and avatars store. */
export const uploadUrlPattern = new RegExp(`^/uploads/(${uuid})/lg\\.webp$`);
export const demoImagePattern = /^\/images\/demo\/([a-z]+-\d+\.svg)$/;

export function uploadUrl(id: string, size: UploadSize = 'lg'): string {
  return `/uploads/${id}/${size}.webp`;
}

/** The upload id in an upload URL, or null for any other image. */
export function uploadIdOf(url: string): string | null {
  return uploadUrlPattern.exec(url)?.[1] ?? null;
}

/** Another stored size of an uploaded image; any other image is returned as it is. */
export function imageAtSize(url: string, size: UploadSize): string {
  const id = uploadIdOf(url);
  return id ? uploadUrl(id, size) : url;
}
