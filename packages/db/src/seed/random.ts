// A small seeded PRNG (sfc32, seeded through splitmix32) and the helpers the generator
// draws with. Math.random cannot be seeded, and the demo data must come out the same
// on every run and machine.

function splitmix32(state: number): () => number {
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a, to turn a stream name into seed bits. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` names an independent sequence under the same seed (users, posts, …). */
  constructor(seed: number, stream = '') {
    const mix = splitmix32((seed ^ hashString(stream)) >>> 0);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.uint32(); // sfc32's recommended warm-up
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal (Box–Muller; one value per call keeps the stream simple). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** `count` distinct items in random order (count <= items.length). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = 0; i < count; i++) {
      const j = this.int(i, pool.length - 1);
      [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
    }
    return pool.slice(0, count);
  }

  /**
   * A UUIDv7 (RFC 9562) for a row created at `ms`: 48-bit timestamp, version 7, variant
   * 10, and 74 bits from this stream, so ids sort by creation time as the database's own do.
   */
  uuidv7(ms: number): string {
    const high = Math.floor(ms / 0x1_0000_0000); // 48-bit time as 16 + 32 bits: bitwise ops are 32-bit
    const low = ms >>> 0;
    const r1 = this.uint32();
    const r2 = this.uint32();
    const r3 = this.uint32();
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
}

// Four hex digits of the low 16 bits, by table: ids are made by the million.
const hexBytes = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex4(value: number): string {
  return (hexBytes[(value >>> 8) & 0xff] as string) + (hexBytes[value & 0xff] as string);
}

/** Picks items in proportion to their weights, in O(log n) per pick. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (random: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    return (entries[low] as readonly [T, number])[0];
  };
}
