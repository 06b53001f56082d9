// Estate's API from a Node program, as another service or a script would use it: sign in
// (registering first if needed), search, post a listing with a photo, and message a lister,
// watching the message arrive over the live event stream.
//
//   ESTATE_URL=http://localhost:3000 npm start [photo.jpg]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createEstateClient, type EstateOutputs, isEstateError } from '@estate/client';
import { drawPhoto } from './png.js';

const url = process.env.ESTATE_URL ?? 'http://localhost:3000';
const username = process.env.ESTATE_USERNAME ?? 'node-example';
const email = process.env.ESTATE_EMAIL ?? `${username}@example.com`;
const password = process.env.ESTATE_PASSWORD ?? 'correct horse battery staple';
const photoPath = process.argv[2];

const estate = createEstateClient({ url });
const { api } = estate;

async function signIn(): Promise<EstateOutputs['auth']['login']> {
  try {
    return await api.auth.login.mutate({ identifier: email, password });
  } catch (error) {
    if (!isEstateError(error) || error.data?.code !== 'UNAUTHORIZED') throw error;
    console.log(`No account for ${email} yet: registering "${username}".`);
    return api.auth.register.mutate({ email, username, password });
  }
}

/** A subscription's output is its stream of events, each `{ id, data }`, as `onData` receives them. */
type ChatEvent = EstateOutputs['chat']['events'] extends AsyncIterable<infer Event extends { data: unknown }> ? Event['data'] : never;
type ChatMessage = Extract<ChatEvent, { kind: 'message' }>['message'];

/** Sends a message once this user's event stream is live, and resolves when the stream delivers it. */
function sendAndWatch(chatId: string, text: string): Promise<ChatMessage> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error('The message did not come back over the event stream within 15 s.'));
    }, 15_000);
    const finish = (outcome: () => void) => {
      clearTimeout(timeout);
      subscription.unsubscribe();
      outcome();
    };
    let sent = false;
    const subscription = api.chat.events.subscribe(undefined, {
      onData: ({ data }) => {
        // A new stream opens with the unread count: once that arrives, it hears every event.
        if (!sent) {
          sent = true;
          api.chat.send.mutate({ chatId, text }).catch((error: unknown) => finish(() => reject(error)));
        }
        if (data.kind === 'message' && data.chatId === chatId) finish(() => resolve(data.message));
      },
      onError: (error) => finish(() => reject(error)),
    });
  });
}

const me = await signIn();
console.log(`Signed in as ${me.username} (${me.email}).`);

// Batched: both queries travel in one HTTP request.
const [cheapest, cities] = await Promise.all([
  api.post.search.query({ type: 'buy', sort: 'price_asc', limit: 3 }),
  api.post.cities.query({ prefix: '', limit: 3 }),
]);
console.log(`Search: ${cheapest.total}${cheapest.totalCapped ? '+' : ''} homes to buy; the cheapest:`);
for (const home of cheapest.items) console.log(`  $${home.price.toLocaleString('en-US')}  ${home.title}, ${home.city}`);
console.log(`Cities with most listings: ${cities.map((city) => `${city.name} (${city.count})`).join(', ')}`);

const photo = photoPath ? await readFile(photoPath) : drawPhoto();
const uploaded = await estate.uploadPhoto(new Blob([new Uint8Array(photo)]), photoPath ? path.basename(photoPath) : 'garden.png');
console.log(`Uploaded a photo: ${uploaded.url} (${uploaded.width}×${uploaded.height}).`);

const { id } = await api.post.create.mutate({
  title: 'Bright flat with a garden, posted from Node',
  price: 1450,
  images: [uploaded.url],
  address: '12 Example Street',
  city: 'London',
  bedroom: 2,
  bathroom: 1,
  latitude: 51.5072,
  longitude: -0.1276,
  type: 'rent',
  property: 'apartment',
  detail: { desc: 'Posted by the Node client example.', size: 64, pet: 'Cats welcome' },
});
const listing = await api.post.byId.query({ id });
console.log(`Posted listing ${listing.id}: "${listing.title}" by ${listing.user.username}, ${listing.images.length} photo.`);

const someoneElses = cheapest.items.find((home) => home.id !== id);
if (!someoneElses) throw new Error('The search found no other listing to ask about.');
const chat = await api.chat.start.mutate({ postId: someoneElses.id });
const message = await sendAndWatch(chat.id, `Hello ${chat.otherUser?.username ?? ''}, is "${someoneElses.title}" still available?`);
console.log(
  `Messaged ${chat.otherUser?.username} in chat ${chat.id}: "${message.text}" (delivered at ${message.createdAt.toISOString()}).`,
);

await api.auth.logout.mutate();
console.log(`Signed out: the client holds ${estate.sessionToken === null ? 'no session' : 'a session still'}.`);
