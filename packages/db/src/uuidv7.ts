import { randomFillSync } from 'node:crypto';

// UUIDv7 (RFC 9562): 48-bit millisecond timestamp, version 7, variant 10 and 74 other bits,
// so ids sort by creation time, as Prisma's @default(uuid(7)) makes them. For rows written
// without Prisma's client (a statement of our own, or the seeded generator).

// Four hex digits of the low 16 bits, by table: ids are made by the million.
const hexBytes = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex4(value: number): string {
  return (hexBytes[(value >>> 8) & 0xff] as string) + (hexBytes[value & 0xff] as string);
}

/** The UUIDv7 of a row created at `ms`, with three 32-bit words of randomness (74 bits of them used). */
export function formatUuidv7(ms: number, r1: number, r2: number, r3: number): string {
  const high = Math.floor(ms / 0x1_0000_0000); // 48-bit time as 16 + 32 bits: bitwise ops are 32-bit
  const low = ms >>> 0;
  return (
    hex4(high) +
    hex4(low >>> 16) +
    '-' +
    hex4(low) +
    '-' +
    hex4(0x7000 | (r1 & 0xfff)) +
    '-' +
    hex4(0x8000 | ((r1 >>> 12) & 0x3fff)) +
    '-' +
    hex4(r2 >>> 16) +
    hex4(r2) +
    hex4(r3)
  );
}

/** A new UUIDv7 for a row created at `at`. */
export function uuidv7(at: Date = new Date()): string {
  const [r1, r2, r3] = randomFillSync(new Uint32Array(3));
  return formatUuidv7(at.getTime(), r1 as number, r2 as number, r3 as number);
}
