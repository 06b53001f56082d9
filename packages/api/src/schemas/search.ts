import { PostType } from '@estate/db/enums';
import { z } from 'zod';

const price = z
  .number({ error: 'Price must be a number' })
  .int('Price must be a whole number')
  .min(0, 'Price cannot be negative')
  .max(1_000_000_000);

/** What a search filters by: the fields of `post.search` besides paging. */
export const searchFilterShape = {
  /** Matched case-insensitively against the whole city name; blank means any city. */
  city: z.string().trim().max(100).optional(),
  type: z.enum(PostType).optional(),
  minPrice: price.optional(),
  maxPrice: price.optional(),
};

/** A price range that includes something. */
export function checkPriceRange(input: { minPrice?: number | undefined; maxPrice?: number | undefined }, ctx: z.RefinementCtx): void {
  if (input.minPrice !== undefined && input.maxPrice !== undefined && input.minPrice > input.maxPrice) {
    ctx.addIssue({ code: 'custom', message: 'Maximum price must be at least the minimum price', path: ['maxPrice'] });
  }
}

export const searchFilters = z.object(searchFilterShape).superRefine(checkPriceRange);
