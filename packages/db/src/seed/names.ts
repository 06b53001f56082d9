import type { Random } from './random.js';

// Demo accounts: common US first and last names, with sign-in names derived from them.
// Mail addresses use the reserved example.* domains, so no real inbox is ever named.

export const firstNames = [
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'Ethan',
  'Sophia',
  'Mason',
  'Isabella',
  'Lucas',
  'Mia',
  'Logan',
  'Amelia',
  'James',
  'Harper',
  'Aiden',
  'Evelyn',
  'Elijah',
  'Abigail',
  'Benjamin',
  'Emily',
  'Daniel',
  'Ella',
  'Henry',
  'Grace',
  'Jackson',
  'Chloe',
  'Samuel',
  'Camila',
  'Sebastian',
  'Aria',
  'David',
  'Layla',
  'Joseph',
  'Zoe',
  'Carter',
  'Nora',
  'Owen',
  'Lily',
  'Wyatt',
  'Hannah',
  'Gabriel',
  'Priya',
  'Mateo',
  'Aaliyah',
  'Diego',
  'Mei',
  'Wei',
  'Fatima',
  'Omar',
  'Yuki',
  'Hiro',
  'Ananya',
  'Arjun',
  'Sofia',
  'Luis',
  'Keisha',
  'Malik',
  'Rosa',
  'Andre',
  'Nadia',
  'Tariq',
  'Ingrid',
  'Kofi',
  'Leah',
  'Marcus',
  'Julia',
  'Xavier',
  'Naomi',
  'Caleb',
] as const;

export const lastNames = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Kim',
  'Chen',
  'Patel',
  'Wang',
  'Singh',
  'Nakamura',
  'Okafor',
  'Haddad',
  'Kowalski',
  'Larsen',
  'Rossi',
  'Schmidt',
  'Dubois',
  'Cohen',
  'Murphy',
  'Sullivan',
  'Reyes',
  'Morales',
  'Ortiz',
  'Brooks',
] as const;

const domains = ['example.com', 'example.org', 'example.net'] as const;

export interface Person {
  firstName: string;
  lastName: string;
}

export function randomPerson(random: Random): Person {
  return { firstName: random.pick(firstNames), lastName: random.pick(lastNames) };
}

/** Letters, digits, `_` and `-`, lower-case, at most 30 characters. */
export function usernameFor({ firstName, lastName }: Person, random: Random): string {
  const first = firstName.toLowerCase();
  const last = lastName.toLowerCase();
  const styles = [`${first}_${last}`, `${first}-${last}`, `${first}${last}`, `${first}${last[0]}`, `${first[0]}${last}`];
  return random.pick(styles);
}

export function emailLocalPartFor({ firstName, lastName }: Person, random: Random): string {
  const first = firstName.toLowerCase();
  const last = lastName.toLowerCase();
  return random.pick([`${first}.${last}`, `${first}${last}`, `${first[0]}${last}`, `${first}.${last[0]}`]);
}

export function emailDomain(random: Random): string {
  return random.pick(domains);
}

/** `name`, or `name2`, `name3`, … when taken; records the result as taken. */
export function claim(name: string, taken: Set<string>, join: (base: string, n: number) => string = (base, n) => `${base}${n}`): string {
  let claimed = name;
  for (let n = 2; taken.has(claimed); n++) claimed = join(name, n);
  taken.add(claimed);
  return claimed;
}
