import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { serialize, serializePlain } from '../src/transformer.js';

// The answers' fast path must write exactly what superjson writes, whatever it is given.

const shared = { id: 'a' };
const sharedDate = new Date(5);
// A hole at index 1.
const sparse = [1];
sparse[2] = 3;
class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

/** Plain data, which the fast path writes itself. */
const plain: Record<string, object> = {
  'a search page': {
    items: [
      { id: '1', title: 'Flat', price: 1000, images: ['/a.jpg'], latitude: 39.7, createdAt: new Date(1_700_000_000_000), isSaved: false },
      { id: '2', title: 'House', price: 2000, images: [], latitude: -0.5, createdAt: new Date(0), isSaved: true },
    ],
    nextCursor: null,
    total: 2,
    totalCapped: false,
  },
  'nested objects': { a: { b: { c: new Date(1), d: null } }, e: [null, true, 'x', 1.5] },
  'keys with dots and backslashes': { 'a.b': { 'c\\d': new Date(2) }, 'e.': [new Date(3)] },
  'numeric keys': { '1': new Date(1), '0': { x: new Date(0) }, '10': 'ten' },
  'an empty object and array': { a: {}, b: [] },
  'a null prototype': Object.assign(Object.create(null), { a: new Date(4) }),
  'an array at the root': [new Date(1), { b: new Date(2) }],
};

/** The rest, left to superjson. */
const other: Record<string, unknown> = {
  undefined: { a: { b: undefined }, c: [undefined, 1] },
  'an object met twice': { a: shared, b: shared },
  'a date met twice': { a: sharedDate, b: sharedDate },
  'NaN, infinities and -0': { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: -0, d: [Number.NEGATIVE_INFINITY] },
  'a bigint': { a: 10n },
  'a Map and a Set': { a: new Map([['k', new Date(1)]]), b: new Set([1]) },
  'a class instance': { a: new Point(1, 2) },
  'an invalid date': { a: new Date(Number.NaN) },
  'a regular expression and an error': { a: /x/g, b: new Error('boom') },
  'a sparse array': { a: sparse },
  'a date at the root': new Date(7),
  'undefined at the root': undefined,
  'a string at the root': 'text',
  'null at the root': null,
};

describe('the answers transformer', () => {
  for (const [name, value] of Object.entries(plain)) {
    it(`writes ${name} itself, as superjson does`, () => {
      expect(serializePlain(value)).not.toBeNull();
      expect(JSON.stringify(serialize(value))).toBe(JSON.stringify(superjson.serialize(value)));
      expect(superjson.deserialize(JSON.parse(JSON.stringify(serialize(value))))).toEqual(value);
    });
  }

  for (const [name, value] of Object.entries(other)) {
    it(`leaves ${name} to superjson`, () => {
      if (typeof value === 'object' && value !== null) expect(serializePlain(value)).toBeNull();
      expect(JSON.stringify(serialize(value))).toBe(JSON.stringify(superjson.serialize(value)));
    });
  }

  it('refuses what superjson refuses', () => {
    const polluted = JSON.parse('{"__proto__": {"x": 1}}');
    expect(() => serialize(polluted)).toThrow(/prototype pollution/);
  });
});
