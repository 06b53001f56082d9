import { PostType, Property } from '@estate/db/enums';
import { z } from 'zod';
import { imageUrl } from './image-url.js';
import { textField } from './text.js';

// A listing's fields as the editor sends them: one schema for the procedures and the web form.

export const MAX_PRICE = 1_000_000_000;
export const MAX_IMAGES = 20;

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min.toLocaleString('en-US')}`)
    .max(max, `${label} must be at most ${max.toLocaleString('en-US')}`);

const optionalText = (max: number) =>
  textField(0, max)
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value));

const listingFields = {
  title: textField(5, 120),
  /** Whole dollars: the sale price, or the monthly rent. */
  price: wholeNumber('Price', 1, MAX_PRICE),
  /** Ordered; the first is the cover. */
  images: z
    .array(imageUrl, { error: 'Add photos' })
    .min(1, 'Add at least one photo')
    .max(MAX_IMAGES, `At most ${MAX_IMAGES} photos`)
    .refine((images) => new Set(images).size === images.length, 'Each photo can appear only once'),
  address: textField(1, 200, 'Enter the street address'),
  city: textField(1, 100, 'Enter the city'),
  bedroom: wholeNumber('Bedrooms', 0, 50),
  bathroom: wholeNumber('Bathrooms', 0, 50),
  latitude: z.number({ error: 'Latitude must be a number' }).min(-90, 'Latitude is from -90 to 90').max(90, 'Latitude is from -90 to 90'),
  longitude: z
    .number({ error: 'Longitude must be a number' })
    .min(-180, 'Longitude is from -180 to 180')
    .max(180, 'Longitude is from -180 to 180'),
  type: z.enum(PostType, { error: 'Choose buy or rent' }),
  property: z.enum(Property, { error: 'Choose apartment, house, condo or land' }),
};

const distance = (label: string) => wholeNumber(label, 0, 100_000).nullable().optional();

const detailFields = {
  /** Plain text; line breaks are kept. */
  desc: textField(1, 5000, 'Describe the home'),
  utilities: optionalText(200),
  pet: optionalText(200),
  income: optionalText(200),
  /** Square metres. */
  size: wholeNumber('Size', 1, 100_000).nullable().optional(),
  /** Metres to the nearest school, bus stop and restaurant. */
  school: distance('Distance'),
  bus: distance('Distance'),
  restaurant: distance('Distance'),
};

export const postDetailInput = z.strictObject(detailFields, { error: 'Add the description' });

export const postCreateInput = z.strictObject({ ...listingFields, detail: postDetailInput });

export const postUpdateInput = z
  .strictObject({
    id: z.uuid('Not a listing id'),
    ...z.object(listingFields).partial().shape,
    detail: postDetailInput.partial().optional(),
  })
  .refine(({ id: _, ...changes }) => Object.values(changes).some((value) => value !== undefined), 'Change at least one field');

export const postIdInput = z.object({ id: z.uuid('Not a listing id') });
