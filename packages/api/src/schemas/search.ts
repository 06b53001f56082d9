import { PostType, Property } from '@estate/db/enums';
import { z } from 'zod';

// What a search filters by: the same for the result list (`post.search`), the map
// (`post.mapClusters`) and saved searches.

const price = z
  .number({ error: 'Price must be a number' })
  .int('Price must be a whole number')
  .min(0, 'Price cannot be negative')
  .max(1_000_000_000, 'Price must be at most 1,000,000,000');

const rooms = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(50, `${label} must be at most 50`);

const latitude = z
  .number({ error: 'Latitude must be a number' })
  .min(-90, 'Latitude is from -90 to 90')
  .max(90, 'Latitude is from -90 to 90');
const longitude = z
  .number({ error: 'Longitude must be a number' })
  .min(-180, 'Longitude is from -180 to 180')
  .max(180, 'Longitude is from -180 to 180');

/**
 * A map area. `west` greater than `east` is an area that crosses the antimeridian (180°),
 * e.g. west 170, east -170 for the 20° around it.
 */
export const boundsSchema = z
  .object({ north: latitude, south: latitude, east: longitude, west: longitude })
  .refine((bounds) => bounds.north >= bounds.south, { message: 'The north edge must not be south of the south edge', path: ['north'] });

export type Bounds = z.infer<typeof boundsSchema>;

export const searchFilterShape = {
  /** Matched case-insensitively against the whole city name; blank means any city. */
  city: z.string().trim().max(100).optional(),
  type: z.enum(PostType, { error: 'Choose buy or rent' }).optional(),
  property: z.enum(Property, { error: 'Choose apartment, house, condo or land' }).optional(),
  minPrice: price.optional(),
  maxPrice: price.optional(),
  /** At least this many (0 is a real value: any). */
  minBedrooms: rooms('Bedrooms').optional(),
  minBathrooms: rooms('Bathrooms').optional(),
  /** Words in the title, address, city or description; each may be the start of a word ("gard" finds "Gardens"). */
  q: z.string().trim().max(200, 'At most 200 characters').optional(),
  bounds: boundsSchema.optional(),
};

/** A price range that includes something. */
export function checkPriceRange(input: { minPrice?: number | undefined; maxPrice?: number | undefined }, ctx: z.RefinementCtx): void {
  if (input.minPrice !== undefined && input.maxPrice !== undefined && input.minPrice > input.maxPrice) {
    ctx.addIssue({ code: 'custom', message: 'Maximum price must be at least the minimum price', path: ['maxPrice'] });
  }
}

export const searchFilters = z.object(searchFilterShape).superRefine(checkPriceRange);
export type SearchFilters = z.infer<typeof searchFilters>;

/** The words of a keyword search, as the database matches them: letters and digits only, at most 8. */
export function searchWords(q: string | undefined): string[] {
  return (q?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8).map((word) => word.slice(0, 40));
}
