import type { PostType, Property } from '../client.js';
import type { Random } from './random.js';

// Chats about a listing: someone asks, the owner answers, they arrange a viewing. Turn k
// of a conversation comes from turn k below; even turns are the inquirer's, odd the owner's.

export interface ConversationFacts {
  type: PostType;
  property: Property;
  /** What the listing is: "condo", "lot", … */
  home: string;
  street: string;
  owner: string;
  inquirer: string;
}

/** A line drawn from a pool, or the listing-specific question and its answer. */
type Turn = ((facts: ConversationFacts, random: Random) => string) | 'question' | 'answer';

const days = ['Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
const times = ['10 am', '11:30 am', '1 pm', '3 pm', '4:30 pm', '6 pm'] as const;

function questionsFor(facts: ConversationFacts): readonly [string, string][] {
  if (facts.property === 'land') {
    return [
      ['Has the lot been surveyed?', 'Yes, the survey is from last spring; I can send it over.'],
      ['Are water and power at the street?', 'Water, sewer and power are all at the street.'],
      ['Would the city allow a duplex there?', 'The zoning allows it; a neighbour built one two years ago.'],
    ];
  }
  if (facts.type === 'rent') {
    return [
      ['Is the lease 12 months, and when could I move in?', 'The lease is 12 months and it’s free from the first of next month.'],
      ['Are utilities included in the rent?', 'Water and trash are included; electricity is separate.'],
      ['Would a small dog be okay?', 'Small pets are fine with a pet deposit.'],
      ['Is there parking?', 'There’s street parking, and a garage spot for $150 a month.'],
    ];
  }
  return [
    ['Have you had any offers yet?', 'We’ve had a lot of interest, and we’re reviewing offers on Friday.'],
    ['Is there any flexibility on the price?', 'The sellers are open to reasonable offers.'],
    ['How old are the roof and the heating?', 'The roof was replaced in 2019 and the furnace is four years old.'],
    ['What are the property taxes?', 'About 1.1% of the assessed value a year; I can share last year’s bill.'],
  ];
}

const turns: readonly Turn[] = [
  (f, r) =>
    r.pick([
      `Hi ${f.owner}, is the ${f.home} on ${f.street} still available?`,
      `Hello! I saw your listing on ${f.street}. Is it still available?`,
      `Hi, I’m interested in the ${f.home} on ${f.street}. Could I come and see it?`,
    ]),
  (f, r) =>
    r.pick([
      `Hi ${f.inquirer}, yes, it’s still available. When would you like to see it?`,
      `Yes, it is! I’m showing it this week if you’d like to come by.`,
      `Thanks for reaching out, ${f.inquirer}. It’s available, and I’m happy to set up a viewing.`,
    ]),
  'question',
  'answer',
  (_, r) =>
    r.pick([`Could I see it on ${r.pick(days)} around ${r.pick(times)}?`, `Would ${r.pick(days)} at ${r.pick(times)} work for a viewing?`]),
  (_, r) =>
    r.pick(['That works. See you there!', 'Perfect, I’ll meet you at the front door.', 'Yes, that’s fine. Call me when you arrive.']),
  (_, r) => r.pick(['Sounds good, thank you!', 'Great, see you then.', 'Thanks! My partner will come too.']),
  (_, r) => r.pick(['You’re welcome. Text me if anything changes.', 'See you then!', 'Looking forward to it.']),
];

export const maxMessages = turns.length;

/** The texts of a conversation of `count` messages (2 to maxMessages). */
export function conversation(facts: ConversationFacts, count: number, random: Random): string[] {
  const [question, answer] = random.pick(questionsFor(facts));
  return turns.slice(0, count).map((turn) => (turn === 'question' ? question : turn === 'answer' ? answer : turn(facts, random)));
}
