/** Calls one HTTP request may batch: the server refuses more (400), the web app's link sends no more. */
export const MAX_BATCH_CALLS = 10;
