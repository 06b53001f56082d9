import type { PostType, Property } from '../client.js';
import type { Random } from './random.js';

// The words of a demo listing: title, description and policies, assembled from templates
// so that each reads like something an owner or agent would write.

export interface ListingFacts {
  /** What the listing is called throughout its text: "studio", "3-bedroom bungalow", "lot". */
  label: string;
  type: PostType;
  property: Property;
  bedrooms: number;
  bathrooms: number;
  size: number;
  street: string;
  city: string;
}

const homeAdjectives = [
  'Bright',
  'Sunny',
  'Renovated',
  'Spacious',
  'Cozy',
  'Modern',
  'Light-filled',
  'Quiet',
  'Charming',
  'Updated',
  'Stylish',
  'Airy',
] as const;

const apartmentFeatures = [
  'a balcony',
  'city views',
  'in-unit laundry',
  'parking',
  'a private terrace',
  'high ceilings',
  'exposed brick',
  'a home office nook',
] as const;

const houseFeatures = [
  'a garden',
  'a big backyard',
  'a two-car garage',
  'a wraparound porch',
  'a finished basement',
  'a pool',
  'solar panels',
  'a chef’s kitchen',
] as const;

function houseNoun(bedrooms: number, random: Random): string {
  return random.pick(
    bedrooms <= 3 ? ['house', 'home', 'bungalow', 'craftsman', 'townhouse'] : ['house', 'home', 'colonial', 'family home'],
  );
}

export function labelFor(property: Property, bedrooms: number, random: Random): string {
  if (property === 'land') return 'lot';
  if (property === 'house') return `${bedrooms}-bedroom ${houseNoun(bedrooms, random)}`;
  if (bedrooms === 0) return property === 'condo' ? 'studio condo' : 'studio';
  return `${bedrooms}-bedroom ${property}`;
}

/** "1,250 m²" (toLocaleString is slow when called a million times). */
function formatArea(size: number): string {
  const digits = String(size);
  return `${digits.length > 3 ? `${digits.slice(0, -3)},${digits.slice(-3)}` : digits} m²`;
}

export function titleFor(facts: ListingFacts, random: Random): string {
  if (facts.property === 'land') {
    return random.pick([
      `Buildable lot on ${facts.street}`,
      `Residential lot, ${formatArea(facts.size)}`,
      `Corner lot on ${facts.street}`,
      `Level ${formatArea(facts.size)} lot near downtown`,
      `Vacant lot zoned residential, ${facts.city}`,
    ]);
  }
  const adjective = random.pick(homeAdjectives);
  const { label } = facts;
  const features = facts.property === 'house' ? houseFeatures : apartmentFeatures;
  const furnished = facts.type === 'rent' && facts.property !== 'house' && random.chance(0.15) ? 'furnished ' : '';
  return random.pick([
    `${adjective} ${furnished}${label} on ${facts.street}`,
    `${adjective} ${furnished}${label} with ${random.pick(features)}`,
    `${adjective} ${furnished}${label} in ${facts.city}`,
    `${adjective} ${furnished}${label} close to transit`,
  ]);
}

function interiorSentences(facts: ListingFacts, random: Random): string[] {
  const bathrooms = facts.bathrooms === 1 ? 'The bathroom' : `All ${facts.bathrooms} bathrooms`;
  const pool = [
    'The open kitchen has quartz counters, a gas range and plenty of storage.',
    'Hardwood floors run throughout, and the living room gets afternoon sun.',
    'Big windows on two sides keep every room bright.',
    `${bathrooms} ${facts.bathrooms === 1 ? 'was' : 'were'} redone with new tile and fixtures.`,
    'Central air, a dishwasher and a washer and dryer are included.',
    'Closets are generous, and there is extra storage in the hall.',
    'Ceilings are high, and the original mouldings were kept.',
  ];
  if (facts.bedrooms > 0) pool.push('The primary bedroom fits a king bed and has a walk-in closet.');
  if (facts.bedrooms >= 3) pool.push('One of the bedrooms works well as a home office or a nursery.');
  return random.sample(pool, random.int(1, 2));
}

function buildingSentence(facts: ListingFacts, random: Random): string {
  if (facts.property === 'house') {
    return random.pick([
      'Out back is a fenced yard with a deck and mature trees.',
      'A detached garage has room for two cars and a workbench.',
      'The finished basement adds a family room and a laundry room.',
      'The front porch is deep enough for a swing and a couple of chairs.',
      'The roof, furnace and water heater are all less than ten years old.',
    ]);
  }
  return random.pick([
    'The building has a fitness room, a roof deck and a package room.',
    'There is an elevator, a bike room and secure storage in the basement.',
    'A part-time doorman and on-site management keep things running smoothly.',
    'The building is well kept, with a shared courtyard and laundry on every floor.',
    'Assigned parking is available in the garage for an extra fee.',
  ]);
}

function neighbourhoodSentence(facts: ListingFacts, random: Random): string {
  return random.pick([
    'Cafés, a grocery store and a park are all within a short walk.',
    `It is a few minutes from downtown ${facts.city}, with buses at the corner.`,
    `${facts.street} is lined with trees, restaurants and small shops.`,
    'The neighbourhood is quiet at night and lively on weekends.',
    'Schools, a library and a farmers market are close by.',
  ]);
}

function closingSentence(facts: ListingFacts, random: Random): string {
  if (facts.type === 'rent') {
    return random.pick([
      'Available from the first of next month on a 12-month lease.',
      'Available now; showings by appointment.',
      'Lease terms of 12 or 18 months; first month and deposit due at signing.',
    ]);
  }
  return random.pick([
    'Offers are reviewed as they come in.',
    'Open house on Saturday and Sunday, 1–4 pm.',
    'Priced to sell; the sellers have found their next home.',
    'Move-in ready, with a quick closing possible.',
  ]);
}

function landDescription(facts: ListingFacts, random: Random): string[] {
  return [
    `A ${random.pick(['level', 'gently sloping', 'corner', 'wide'])} ${formatArea(facts.size)} lot on ${facts.street}, zoned for residential use.`,
    random.pick([
      'Water, sewer and power are at the street.',
      'A recent survey and soil report are available.',
      'Plans for a three-bedroom home are included with the sale.',
      'Mature oaks along the back line give privacy.',
    ]),
    random.pick([
      'An ideal spot to build a custom home.',
      'Suitable for a single-family home or a duplex, subject to permits.',
      `It sits in an established part of ${facts.city}, minutes from schools and shops.`,
    ]),
  ];
}

export function descriptionFor(facts: ListingFacts, random: Random): string {
  if (facts.property === 'land') return landDescription(facts, random).join(' ');
  const { label } = facts;
  const opening = random.pick([
    `This ${random.pick(homeAdjectives).toLowerCase()} ${label} sits on a quiet stretch of ${facts.street}.`,
    `Welcome to a ${label} with ${formatArea(facts.size)} of living space in ${facts.city}.`,
    `A ${label} of ${formatArea(facts.size)}, ${facts.bedrooms >= 2 ? 'with room for everyone' : 'easy to live in and easy to keep'}.`,
  ]);
  const sentences = [opening, ...interiorSentences(facts, random)];
  if (random.chance(0.7)) sentences.push(buildingSentence(facts, random));
  sentences.push(neighbourhoodSentence(facts, random));
  if (random.chance(0.6)) sentences.push(closingSentence(facts, random));
  return sentences.join(' ');
}

export interface Policies {
  utilities: string | null;
  pet: string | null;
  income: string | null;
}

export function policiesFor(facts: ListingFacts, random: Random): Policies {
  if (facts.property === 'land') {
    return {
      utilities: random.pick(['Water, sewer and power at the street', 'Power at the street; well and septic needed']),
      pet: null,
      income: random.pick(['Cash or land loan', 'Proof of funds required with offers']),
    };
  }
  if (facts.type === 'rent') {
    return {
      utilities: random.pick([
        'Tenant pays all utilities',
        'Owner pays water and trash',
        'Heat and hot water included',
        'All utilities included',
        'Tenant pays electricity and gas',
      ]),
      pet: random.pick(['Pets allowed', 'No pets', 'Cats only', 'Cats and small dogs welcome', 'Pets considered case by case']),
      income: random.pick(['Income of at least 3× the rent', 'Income of at least 2.5× the rent', 'Credit score 650+ and proof of income']),
    };
  }
  return {
    utilities: `Utilities average $${random.int(12, 40) * 10}/month`,
    pet: facts.property === 'house' ? 'Pets allowed' : random.pick(['Pets allowed', 'HOA allows up to two pets', 'No dogs over 25 lb']),
    income: random.pick(['Pre-approval letter required with offers', 'Cash or conventional financing', 'FHA and VA financing welcome']),
  };
}
