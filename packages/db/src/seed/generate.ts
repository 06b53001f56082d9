import type { Chat, ChatMember, Message, Post, PostDetail, PostType, Property, SavedPost, User } from '../client.js';
import { cities, type DemoCity } from './cities.js';
import { conversation, maxMessages } from './conversations.js';
import { type DemoImageKind, demoImageKinds, demoImageUrl } from './images.js';
import { descriptionFor, type ListingFacts, labelFor, policiesFor, titleFor } from './listing-text.js';
import { claim, emailDomain, emailLocalPartFor, randomPerson, usernameFor } from './names.js';
import { bathroomsFor, type Layout, layouts, priceFor } from './pricing.js';
import { Random, weighted } from './random.js';

// The demo data, generated without touching a database: deterministic (every value,
// ids and timestamps included, follows from the seed and the options) and produced in
// batches, so a million listings never sit in memory at once. All listing-related draws
// come from one stream in listing order, so the batch size does not change the data.

/** The demo's "now": listings span the year before it. Fixed, so the data never depends on when it is made. */
/** The first demo account, the one the README and the start-up message point visitors to. */
export const DEMO_EMAIL = 'demo@example.com';

export const DEMO_NOW = new Date(Date.UTC(2026, 10, 1));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const now = DEMO_NOW.getTime();
const listingsFrom = now - 365 * DAY;
// Accounts open over three years, the last a month before "now"; about two thirds predate every listing.
const usersFrom = now - 3 * 365 * DAY;
const usersTo = now - 30 * DAY;

export const DEFAULT_SEED = 1;
const DEFAULT_BATCH_SIZE = 2_000;

export interface GenerateOptions {
  posts: number;
  /** Defaults to defaultUserCount(posts). */
  users?: number;
  seed?: number;
  /** Every account's password hash (the demo accounts share one password). */
  passwordHash: string;
  /** Listings per batch. */
  batchSize?: number;
  /** Addresses and usernames already in use (when adding to a database): the generator picks others. */
  taken?: { emails: Iterable<string>; usernames: Iterable<string> };
}

export interface DemoBatch {
  users: User[];
  posts: Post[];
  postDetails: PostDetail[];
  savedPosts: SavedPost[];
  chats: Chat[];
  chatMembers: ChatMember[];
  messages: Message[];
}

/** About one account per 20 listings, at least 10 and at most 50,000. */
export function defaultUserCount(posts: number): number {
  return Math.min(50_000, Math.max(10, Math.round(posts / 20)));
}

function emptyBatch(): DemoBatch {
  return { users: [], posts: [], postDetails: [], savedPosts: [], chats: [], chatMembers: [], messages: [] };
}

/** What later draws need to know about an account. */
interface Account {
  id: string;
  createdAt: number;
  firstName: string;
}

function generateUsers(options: GenerateOptions, count: number, seed: number): { users: User[]; accounts: Account[] } {
  const random = new Random(seed, 'users');
  const emails = new Set(options.taken?.emails);
  const usernames = new Set(options.taken?.usernames);
  const users: User[] = [];
  const accounts: Account[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = Math.floor(usersFrom + ((i + random.next()) / count) * (usersTo - usersFrom));
    const person = randomPerson(random);
    // The first account is the one the README tells visitors to sign in with.
    const username = claim(i === 0 ? 'demo' : usernameFor(person, random), usernames);
    const email = claim(i === 0 ? DEMO_EMAIL : `${emailLocalPartFor(person, random)}@${emailDomain(random)}`, emails, (base, n) =>
      base.replace('@', `${n}@`),
    );
    const avatar = random.chance(0.6) ? demoImageUrl('avatar', random.int(1, demoImageKinds.avatar)) : null;
    const id = random.uuidv7(createdAt);
    users.push({ id, email, username, passwordHash: options.passwordHash, avatar, createdAt: new Date(createdAt) });
    accounts.push({ id, createdAt, firstName: person.firstName });
  }
  return { users, accounts };
}

// Bigger cities get more listings, though less than in proportion (a demo wants variety).
const pickCity = weighted(cities.map((city) => [city, city.population ** 0.7] as const));
const pickProperty = weighted<Property>([
  ['apartment', 40],
  ['house', 33],
  ['condo', 19],
  ['land', 8],
]);
const rentShare: Record<Property, number> = { apartment: 0.55, condo: 0.3, house: 0.25, land: 0 };
const pickLayout = Object.fromEntries(
  Object.entries(layouts).map(([property, options]) => [property, weighted(options.map((layout) => [layout, layout.weight] as const))]),
) as Record<Property, (random: Random) => Layout>;
const savesPerPost = weighted([
  [0, 60],
  [1, 22],
  [2, 10],
  [3, 5],
  [4, 3],
]);
const coverKind: Record<Property, DemoImageKind> = { apartment: 'apartment', condo: 'condo', house: 'house', land: 'land' };
const roomKinds: readonly DemoImageKind[] = ['living', 'kitchen', 'bedroom', 'bathroom'];

/** A point uniformly inside the city's circle, rounded to 6 decimals (about 0.1 m). */
function pointIn(city: DemoCity, random: Random): { latitude: number; longitude: number } {
  const distanceKm = city.radiusKm * Math.sqrt(random.next());
  const bearing = 2 * Math.PI * random.next();
  const kmPerDegree = 111.32;
  const latitude = city.latitude + (distanceKm * Math.cos(bearing)) / kmPerDegree;
  const longitude = city.longitude + (distanceKm * Math.sin(bearing)) / (kmPerDegree * Math.cos((city.latitude * Math.PI) / 180));
  return { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
}

/** 3–6 pictures, the cover first: the outside, then rooms (and the garden of a house) in the order a visitor walks through. */
function imagesFor(property: Property, random: Random): string[] {
  const variant = (kind: DemoImageKind) => demoImageUrl(kind, random.int(1, demoImageKinds[kind]));
  if (property === 'land') {
    const lots = Array.from({ length: demoImageKinds.land }, (_, i) => i + 1);
    const views = random.sample(lots, 3).map((n) => demoImageUrl('land', n));
    return random.chance(0.5) ? [...views, variant('garden')] : views;
  }
  const count = random.int(3, 6);
  const rooms = property === 'house' ? [...roomKinds, 'garden' as const] : roomKinds;
  const chosen = new Set(random.sample(rooms, Math.min(count - 1, rooms.length)));
  return [variant(coverKind[property]), ...rooms.filter((kind) => chosen.has(kind)).map(variant)];
}

function addressFor(property: Property, street: string, random: Random): string {
  const number = random.int(1, 49) * 100 + random.int(0, 99);
  if (property === 'apartment') return `${number} ${street}, Apt ${random.int(1, 12)}${random.pick(['A', 'B', 'C', 'D', 'E', 'F'])}`;
  if (property === 'condo') return `${number} ${street}, Unit ${random.int(2, 30)}${random.pick(['01', '02', '03', '04', '05', '06'])}`;
  return `${number} ${street}`;
}

/** A distance in metres, rounded to 10 m, typically `median` and never under `min`. */
function distance(median: number, min: number, random: Random): number {
  return Math.max(min, Math.round((median * Math.exp(random.normal(0, 0.6))) / 10) * 10);
}

function detailFor(id: string, postId: string, facts: ListingFacts, random: Random): PostDetail {
  const far = facts.property === 'land' ? 2.5 : 1;
  return {
    id,
    postId,
    desc: descriptionFor(facts, random),
    ...policiesFor(facts, random),
    size: facts.size,
    school: distance(800 * far, 100, random),
    bus: distance(300 * far, 30, random),
    restaurant: distance(400 * far, 30, random),
  };
}

function checkCount(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max} (got ${value})`);
  }
}

/** The users first, then the listings with everything about them, `batchSize` listings (or users) at a time. */
export function* generateDemo(options: GenerateOptions): Generator<DemoBatch> {
  const seed = options.seed ?? DEFAULT_SEED;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const userCount = options.users ?? defaultUserCount(options.posts);
  checkCount('posts', options.posts, 0);
  checkCount('users', userCount, 2); // chats are between two
  checkCount('seed', seed, 0, 0xffff_ffff); // the PRNG takes 32 bits
  checkCount('batchSize', batchSize, 1);
  const { users, accounts } = generateUsers(options, userCount, seed);
  for (let start = 0; start < users.length; start += batchSize) yield { ...emptyBatch(), users: users.slice(start, start + batchSize) };

  const random = new Random(seed, 'posts');
  const total = options.posts;
  let batch = emptyBatch();
  let eligible = 0; // accounts[0, eligible) existed when the current listing went up
  for (let i = 0; i < total; i++) {
    const createdAt = Math.floor(listingsFrom + ((i + random.next()) / total) * (now - listingsFrom));
    while (eligible < accounts.length && (accounts[eligible] as Account).createdAt <= createdAt) eligible++;
    const owner = accounts[random.int(0, eligible - 1)] as Account;
    const city = pickCity(random);
    const property = pickProperty(random);
    const type: PostType = random.chance(rentShare[property]) ? 'rent' : 'buy';
    const layout = pickLayout[property](random);
    const size = random.int(layout.size[0], layout.size[1]);
    const street = random.pick(city.streets);
    const facts: ListingFacts = {
      label: labelFor(property, layout.bedrooms, random),
      type,
      property,
      bedrooms: layout.bedrooms,
      bathrooms: bathroomsFor(property, layout.bedrooms, random),
      size,
      street,
      city: city.name,
    };
    const id = random.uuidv7(createdAt);
    const edited = random.chance(0.3) ? Math.floor(random.next() * Math.min(30 * DAY, now - createdAt)) : 0;
    batch.posts.push({
      id,
      title: titleFor(facts, random),
      price: priceFor(city, type, property, size, random),
      images: imagesFor(property, random),
      address: addressFor(property, street, random),
      city: city.name,
      cityKey: city.name.toLowerCase(),
      bedroom: facts.bedrooms,
      bathroom: facts.bathrooms,
      ...pointIn(city, random),
      type,
      property,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt + edited),
      userId: owner.id,
    });
    if (random.chance(0.92)) batch.postDetails.push(detailFor(random.uuidv7(createdAt), id, facts, random));

    // Savers and inquirers: other accounts that existed when the listing went up.
    const others = eligible - 1;
    const saves = Math.min(savesPerPost(random), others);
    const savers = new Set<Account>();
    while (savers.size < saves) {
      const account = accounts[random.int(0, eligible - 1)] as Account;
      if (account !== owner) savers.add(account);
    }
    for (const saver of savers) {
      const savedAt = Math.floor(createdAt + random.next() * (now - createdAt));
      batch.savedPosts.push({ id: random.uuidv7(savedAt), userId: saver.id, postId: id, createdAt: new Date(savedAt) });
    }

    if (others >= 1 && now - createdAt >= HOUR && random.chance(0.12)) {
      let inquirer = owner;
      while (inquirer === owner) inquirer = accounts[random.int(0, eligible - 1)] as Account;
      addChat(batch, random, { postId: id, createdAt, owner, inquirer, facts });
    }

    if (batch.posts.length === batchSize) {
      yield batch;
      batch = emptyBatch();
    }
  }
  if (batch.posts.length > 0) yield batch;
}

interface ChatFacts {
  postId: string;
  createdAt: number;
  owner: Account;
  inquirer: Account;
  facts: ListingFacts;
}

/** A conversation of 2–8 messages, the inquirer first, within the time left before DEMO_NOW. */
function addChat(batch: DemoBatch, random: Random, { postId, createdAt, owner, inquirer, facts }: ChatFacts): void {
  const start = Math.floor(createdAt + random.next() * Math.min(21 * DAY, (now - createdAt) / 2));
  const count = random.int(2, maxMessages);
  const texts = conversation(
    {
      type: facts.type,
      property: facts.property,
      home: facts.label,
      street: facts.street,
      owner: owner.firstName,
      inquirer: inquirer.firstName,
    },
    count,
    random,
  );
  const chatId = random.uuidv7(start);
  // Replies come minutes to a day or so apart, squeezed if "now" is close.
  const longestGap = (now - start) / (count + 1);
  let sentAt = start;
  const messages = texts.map((text, k) => {
    if (k > 0) sentAt += Math.max(1, Math.floor(Math.min(longestGap, Math.max(MINUTE, Math.exp(random.normal(Math.log(2 * HOUR), 1.2))))));
    const sender = k % 2 === 0 ? inquirer : owner;
    return { id: random.uuidv7(sentAt), text, chatId, senderId: sender.id, createdAt: new Date(sentAt) } satisfies Message;
  });
  const last = messages[messages.length - 1] as Message;
  const lastAt = last.createdAt.getTime();
  // The last sender has seen everything; the other has read it, or last looked when they last wrote.
  const lastSender = count % 2 === 1 ? inquirer : owner;
  const otherLastWrote = (messages[count - 2] as Message).createdAt.getTime();
  const otherSeen = random.chance(0.75) ? Math.min(now, lastAt + Math.floor(random.next() * 6 * HOUR)) : otherLastWrote;
  batch.chats.push({ id: chatId, createdAt: new Date(start), lastMessage: last.text, lastMessageAt: last.createdAt, postId });
  batch.chatMembers.push(
    { chatId, userId: inquirer.id, joinedAt: new Date(start), seenAt: new Date(inquirer === lastSender ? lastAt : otherSeen) },
    { chatId, userId: owner.id, joinedAt: new Date(start), seenAt: new Date(owner === lastSender ? lastAt : otherSeen) },
  );
  batch.messages.push(...messages);
}
