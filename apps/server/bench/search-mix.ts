import type { RouterInputs } from '@estate/api';

// The fixed mix bench:search measures: every filter alone and combined, each sort, keywords,
// map areas of city and country size, map clusters at several zooms, city suggestions, and a
// page 40 deep. Cities, prices and words are those of the demo data.

type Search = RouterInputs['post']['search'];
type Clusters = RouterInputs['post']['mapClusters'];

export type MixEntry =
  | { name: string; procedure: 'post.search'; input: Search; pagesDeep?: number }
  | { name: string; procedure: 'post.mapClusters'; input: Clusters }
  | { name: string; procedure: 'post.cities'; input: RouterInputs['post']['cities'] };

const denver = { south: 39.61, north: 39.91, west: -105.11, east: -104.6 };
const newYork = { south: 40.5, north: 40.92, west: -74.26, east: -73.7 };
const country = { south: 24.4, north: 49.4, west: -124.8, east: -66.9 };

const search = (name: string, input: Search, pagesDeep?: number): MixEntry => ({
  name,
  procedure: 'post.search',
  input,
  ...(pagesDeep && { pagesDeep }),
});

export const mix: MixEntry[] = [
  search('everything, newest', {}),
  search('everything, cheapest', { sort: 'price_asc' }),
  search('everything, dearest', { sort: 'price_desc' }),
  search('city', { city: 'Denver' }),
  search('big city, cheapest', { city: 'New York', sort: 'price_asc' }),
  search('city, dearest', { city: 'Chicago', sort: 'price_desc' }),
  search('type', { type: 'rent' }),
  search('type, dearest', { type: 'rent', sort: 'price_desc' }),
  search('property', { property: 'condo' }),
  search('price range', { minPrice: 300_000, maxPrice: 350_000 }),
  search('type + price range', { type: 'buy', minPrice: 300_000, maxPrice: 350_000 }),
  search('bedrooms', { minBedrooms: 4 }),
  search('bedrooms, cheapest', { minBedrooms: 4, sort: 'price_asc' }),
  search('bathrooms', { minBathrooms: 3 }),
  search('keyword', { q: 'garden' }),
  search('keyword, cheapest', { q: 'garden', sort: 'price_asc' }),
  search('frequent keyword, dearest', { q: 'quiet', sort: 'price_desc' }),
  search('two keywords', { q: 'balcony park' }),
  search('keyword prefix + city', { q: 'renov', city: 'Seattle' }),
  search('city-size area', { bounds: denver }),
  search('city-size area, cheapest', { bounds: denver, sort: 'price_asc' }),
  search('country-size area', { bounds: country }),
  search('area + type + bedrooms', { bounds: newYork, type: 'rent', minBedrooms: 2 }),
  search('rent condo 2+ beds under $3,000', { type: 'rent', property: 'condo', minBedrooms: 2, maxPrice: 3000 }),
  search('buy house 4+ beds 3+ baths, cheapest', { type: 'buy', property: 'house', minBedrooms: 4, minBathrooms: 3, sort: 'price_asc' }),
  search('city + type + price + beds, cheapest', {
    city: 'Seattle',
    type: 'rent',
    minBedrooms: 2,
    minPrice: 1500,
    maxPrice: 3000,
    sort: 'price_asc',
  }),
  search('every filter', {
    city: 'Denver',
    type: 'buy',
    property: 'house',
    minPrice: 300_000,
    maxPrice: 900_000,
    minBedrooms: 3,
    minBathrooms: 2,
    q: 'garden',
    bounds: denver,
  }),
  search('page 40, newest', {}, 40),
  search('page 40, city, cheapest', { city: 'Los Angeles', sort: 'price_asc' }, 40),
  { name: 'clusters: country, zoom 4', procedure: 'post.mapClusters', input: { bounds: country, zoom: 4 } },
  { name: 'clusters: country, rent, zoom 4', procedure: 'post.mapClusters', input: { bounds: country, zoom: 4, type: 'rent' } },
  {
    name: 'clusters: country, price range, zoom 5',
    procedure: 'post.mapClusters',
    input: { bounds: country, zoom: 5, minPrice: 300_000, maxPrice: 600_000 },
  },
  { name: 'clusters: city, zoom 11', procedure: 'post.mapClusters', input: { bounds: denver, zoom: 11 } },
  { name: 'clusters: big city, zoom 11', procedure: 'post.mapClusters', input: { bounds: newYork, zoom: 11 } },
  { name: 'clusters: city, 2+ beds, zoom 12', procedure: 'post.mapClusters', input: { bounds: denver, zoom: 12, minBedrooms: 2 } },
  {
    name: 'clusters: streets, zoom 16',
    procedure: 'post.mapClusters',
    input: { bounds: { south: 39.735, north: 39.75, west: -105.0, east: -104.98 }, zoom: 16 },
  },
  { name: 'cities: ""', procedure: 'post.cities', input: { prefix: '' } },
  { name: 'cities: "s"', procedure: 'post.cities', input: { prefix: 's' } },
  { name: 'cities: "new"', procedure: 'post.cities', input: { prefix: 'new' } },
];
