// Input schemas the web app's forms share with the procedures. Browser-safe: no Prisma
// client, no Node built-ins (the enums come from the generated enums module alone).
export * from './account.js';
export * from './chat.js';
export * from './image-url.js';
export * from './images.js';
export * from './limits.js';
export * from './listing.js';
export * from './saved-search.js';
export * from './search.js';
export * from './search-address.js';
export * from './text.js';
