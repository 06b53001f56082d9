import { z } from 'zod';

// Listing text is plain text. Markup is removed on the way in, so a stored or returned
// text holds nothing a browser would read as an element, even one that (wrongly) inserted
// it as HTML: no "<" is left that could open a tag, a comment or a declaration.

const TAG = /<\/?[a-z!?][^<>]*>/gi;
const TAG_OPENER = /<(?=[a-z/!?])/gi;
// Control characters except tab and line feed (and the line/paragraph separators that break JS strings).
const CONTROL = /(?![\t\n])\p{Cc}|[\u2028\u2029]/gu;

export function plainText(value: string): string {
  let text = value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  // Removing one tag can join its neighbours into another ("<<b>script>"): repeat until none is left.
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(TAG, '');
  }
  return text.replace(TAG_OPENER, '').trim();
}

/** A plain-text field of `min`–`max` characters (after cleaning), with messages for people. */
export function textField(min: number, max: number, emptyMessage = 'Required') {
  return z
    .string({ error: 'Must be text' })
    .max(max * 2, `At most ${max} characters`)
    .transform(plainText)
    .pipe(
      z
        .string()
        .min(min, min <= 1 ? emptyMessage : `At least ${min} characters`)
        .max(max, `At most ${max} characters`),
    );
}
