import type { PostType, Property } from '../client.js';
import type { DemoCity } from './cities.js';
import type { Random } from './random.js';

// Sizes, rooms and prices of the demo listings: a layout (bedrooms and a size range) is
// drawn per property type, then the price follows from the city's price per m².

export interface Layout {
  bedrooms: number;
  /** How common the layout is among listings of its property type. */
  weight: number;
  /** Living area in m² (land: the lot). */
  size: readonly [number, number];
}

export const layouts: Record<Property, readonly Layout[]> = {
  apartment: [
    { bedrooms: 0, weight: 14, size: [28, 45] },
    { bedrooms: 1, weight: 36, size: [42, 70] },
    { bedrooms: 2, weight: 32, size: [62, 100] },
    { bedrooms: 3, weight: 15, size: [85, 135] },
    { bedrooms: 4, weight: 3, size: [115, 170] },
  ],
  condo: [
    { bedrooms: 0, weight: 5, size: [32, 50] },
    { bedrooms: 1, weight: 30, size: [48, 80] },
    { bedrooms: 2, weight: 40, size: [70, 115] },
    { bedrooms: 3, weight: 20, size: [95, 150] },
    { bedrooms: 4, weight: 5, size: [130, 190] },
  ],
  house: [
    { bedrooms: 2, weight: 12, size: [75, 120] },
    { bedrooms: 3, weight: 40, size: [105, 180] },
    { bedrooms: 4, weight: 32, size: [145, 260] },
    { bedrooms: 5, weight: 12, size: [190, 340] },
    { bedrooms: 6, weight: 4, size: [240, 420] },
  ],
  land: [{ bedrooms: 0, weight: 1, size: [250, 2500] }],
};

/** A home's bathrooms: one up to a studio or one bedroom, then one or two fewer than bedrooms. */
export function bathroomsFor(property: Property, bedrooms: number, random: Random): number {
  if (property === 'land') return 0;
  return Math.max(1, bedrooms - 1 + random.int(0, 1));
}

/** Price per m² relative to the city's typical apartment; land is the lot only. */
const saleFactor: Record<Property, number> = { apartment: 1, condo: 1.1, house: 0.95, land: 0.1 };
const rentFactor: Record<Property, number> = { apartment: 1.12, condo: 1.2, house: 1, land: 0 };

/** Larger homes and lots cost less per m²: the per-m² figure holds around 80 m² of home or 500 m² of lot. */
function pricedArea(property: Property, size: number): number {
  return property === 'land' ? size ** 0.8 * 500 ** 0.2 : size ** 0.85 * 80 ** 0.15;
}

// A listing's own condition and position: at most 25% under or 35% over the typical price.
const lowest = 0.75;
const highest = 1.35;

function roundPrice(type: PostType, price: number, direction: 'down' | 'up' | 'nearest'): number {
  const step = type === 'rent' ? 25 : price < 1_000_000 ? 1_000 : 5_000;
  const round = direction === 'down' ? Math.floor : direction === 'up' ? Math.ceil : Math.round;
  return Math.max(step, round(price / step) * step);
}

function typicalPrice(city: DemoCity, type: PostType, property: Property, size: number): number {
  if (type === 'rent') return pricedArea(property, size) * city.rentPerSqm * rentFactor[property];
  // Land prices differ between cities even more than home prices do.
  const landPremium = property === 'land' ? Math.sqrt(city.salePerSqm / 4_000) : 1;
  return pricedArea(property, size) * city.salePerSqm * saleFactor[property] * landPremium;
}

/** Whole USD: the sale price, or the monthly rent. */
export function priceFor(city: DemoCity, type: PostType, property: Property, size: number, random: Random): number {
  const condition = Math.min(highest, Math.max(lowest, Math.exp(random.normal(0, 0.15))));
  return roundPrice(type, typicalPrice(city, type, property, size) * condition, 'nearest');
}

/** The lowest and highest price the generator can give such a listing in this city. */
export function plausiblePriceRange(city: DemoCity, type: PostType, property: Property): [number, number] {
  const sizes = layouts[property].flatMap((layout) => layout.size);
  return [
    roundPrice(type, typicalPrice(city, type, property, Math.min(...sizes)) * lowest, 'down'),
    roundPrice(type, typicalPrice(city, type, property, Math.max(...sizes)) * highest, 'up'),
  ];
}
