import type { RouterInputs, RouterOutputs } from '@estate/api';

type CreateInput = RouterInputs['post']['create'];
export type Listing = RouterOutputs['post']['byId'];

/** The form's fields but the photos, named by the path the schemas give their messages (`title`, `detail.desc`). */
export type ListingField = Exclude<keyof CreateInput, 'images' | 'detail'> | `detail.${keyof CreateInput['detail']}`;

/** What the fields hold, as typed: the form is controlled, so nothing typed is lost to an error. */
export type ListingTexts = Record<ListingField, string>;

export const blankTexts: ListingTexts = {
  title: '',
  type: '',
  property: '',
  price: '',
  bedroom: '',
  bathroom: '',
  address: '',
  city: '',
  latitude: '',
  longitude: '',
  'detail.desc': '',
  'detail.utilities': '',
  'detail.pet': '',
  'detail.income': '',
  'detail.size': '',
  'detail.school': '',
  'detail.bus': '',
  'detail.restaurant': '',
};

export const listingFields = Object.keys(blankTexts) as ListingField[];

/** The fields that hold numbers; whole numbers may be typed with thousands separators ("250,000"). */
const numberFields: Partial<Record<ListingField, 'whole' | 'decimal'>> = {
  price: 'whole',
  bedroom: 'whole',
  bathroom: 'whole',
  latitude: 'decimal',
  longitude: 'decimal',
  'detail.size': 'whole',
  'detail.school': 'whole',
  'detail.bus': 'whole',
  'detail.restaurant': 'whole',
};

function text(value: string | number | null | undefined): string {
  return value == null ? '' : String(value);
}

export function textsOf(listing: Listing): ListingTexts {
  const detail = listing.postDetail;
  return {
    title: listing.title,
    type: listing.type,
    property: listing.property,
    price: text(listing.price),
    bedroom: text(listing.bedroom),
    bathroom: text(listing.bathroom),
    address: listing.address,
    city: listing.city,
    latitude: text(listing.latitude),
    longitude: text(listing.longitude),
    'detail.desc': text(detail?.desc),
    'detail.utilities': text(detail?.utilities),
    'detail.pet': text(detail?.pet),
    'detail.income': text(detail?.income),
    'detail.size': text(detail?.size),
    'detail.school': text(detail?.school),
    'detail.bus': text(detail?.bus),
    'detail.restaurant': text(detail?.restaurant),
  };
}

/**
 * A field's value for the schema. Texts go as typed (the schema trims them, and an empty
 * optional one becomes null). An empty number is null: that clears an optional one, and the
 * schema refuses it for a required one, where leaving it out would keep the old value on edit.
 */
function inputValue(field: ListingField, typed: string): unknown {
  const kind = numberFields[field];
  if (!kind) return typed;
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  return Number(kind === 'whole' ? trimmed.replace(/[\s,]/g, '') : trimmed);
}

/** The texts as the procedures' nested input: `detail.desc` becomes `{ detail: { desc } }`. */
function nested(texts: Partial<ListingTexts>): Record<string, unknown> & { detail?: Record<string, unknown> } {
  const input: Record<string, unknown> & { detail?: Record<string, unknown> } = {};
  for (const [field, typed] of Object.entries(texts) as [ListingField, string][]) {
    const [name = field, detailName] = field.split('.');
    if (detailName) input.detail = { ...input.detail, [detailName]: inputValue(field, typed) };
    else input[name] = inputValue(field, typed);
  }
  return input;
}

/** The input of `post.create`, unchecked: `postCreateInput` says what is wrong with it. */
export function createInputOf(texts: ListingTexts, images: readonly string[]): Record<string, unknown> {
  return { ...nested(texts), images };
}

/** The input of `post.update`, unchecked: the listing's id and only the fields that changed. */
export function updateInputOf(listing: Listing, texts: ListingTexts, images: readonly string[]): Record<string, unknown> {
  const before = textsOf(listing);
  const changed = Object.fromEntries(listingFields.filter((field) => texts[field] !== before[field]).map((field) => [field, texts[field]]));
  return { id: listing.id, ...nested(changed), ...(!sameImages(images, listing.images) && { images }) };
}

export function sameImages(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((url, index) => url === b[index]);
}
