// The generated Prisma client and its types, re-exported so consumers never reach into
// the generated folder.
export * from './generated/prisma/client.js';
