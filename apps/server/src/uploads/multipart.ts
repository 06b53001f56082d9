import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

// Reads the one file of a multipart/form-data upload into memory, refusing it as soon as
// it grows past the limit, so an oversized upload is never read whole.

export class UploadRejected extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

export function readUploadedFile(req: IncomingMessage, field: string, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1024, parts: 12 } });
    } catch {
      reject(new UploadRejected(400, `Send the photo as multipart/form-data, in a field named "${field}".`));
      return;
    }
    let file: Buffer | null = null;
    let failure: UploadRejected | null = null;
    const fail = (error: UploadRejected) => {
      failure ??= error;
      // Stop reading: the answer is known, the rest of the body does not matter.
      req.unpipe(parser);
      req.pause();
      reject(failure);
    };
    parser.on('file', (name, stream) => {
      if (name !== field) {
        stream.resume();
        fail(new UploadRejected(400, `Send the photo in a field named "${field}".`));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(new UploadRejected(413, `A photo can be at most ${maxBytes / 1024 / 1024} MB.`)));
      stream.on('end', () => {
        if (!failure) file = Buffer.concat(chunks);
      });
    });
    parser.on('filesLimit', () => fail(new UploadRejected(400, 'Send one photo per upload.')));
    parser.on('error', () => fail(new UploadRejected(400, 'The upload was not valid multipart/form-data.')));
    parser.on('close', () => {
      if (failure) return;
      if (file === null || file.length === 0) reject(new UploadRejected(400, `No photo received: send it in a field named "${field}".`));
      else resolve(file);
    });
    req.on('aborted', () => fail(new UploadRejected(400, 'The upload was interrupted.')));
    req.pipe(parser);
  });
}
