import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Smaller answers gain too little to be worth the work. */
export const MIN_COMPRESSED_BYTES = 1024;

/** q-values of an Accept-Encoding header by name, in lower case. */
function qualities(header: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    if (!name) continue;
    const q = params.find((param) => /^q=/i.test(param));
    const value = q === undefined ? 1 : Number(q.slice(2));
    result.set(name.toLowerCase(), Number.isFinite(value) ? value : 0);
  }
  return result;
}

/** The encoding to send for an Accept-Encoding header: brotli, else gzip, if accepted (`q=0` refuses; `*` stands for the rest). */
export function preferredEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = qualities(header);
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses an answer made for this request, on libuv's threads so the event loop stays free. The
 * levels favour speed (brotli's default, 11, took milliseconds per answer): the static files
 * are compressed hard once, at build time.
 */
export function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 4,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipAsync(body, { level: 6 });
}

/** Adds `value` to the response's Vary header unless it is there. */
export function varyOn(current: string | number | string[] | undefined, value: string): string {
  const names = String(current ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.some((name) => name.toLowerCase() === value.toLowerCase()) ? names.join(', ') : [...names, value].join(', ');
}
