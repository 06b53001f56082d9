/** Writes `<file>.br` and `<file>.gz` beside each of `files` (see precompress.mjs). */
export function precompressFiles(files: string[]): Promise<void>;
