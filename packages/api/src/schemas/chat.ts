import { z } from 'zod';
import { textField } from './text.js';

// What the chat procedures take, for the procedures and the web app's chat pages alike.

export const MESSAGE_MAX = 2000;

const chatId = z.uuid('Not a chat id');

/** A chat with the lister of a listing, or with a user: the same chat for the same two people whichever way. */
export const chatStartInput = z
  .strictObject({ postId: z.uuid('Not a listing id').optional(), userId: z.uuid('Not a user id').optional() })
  .refine((input) => (input.postId === undefined) !== (input.userId === undefined), 'Start a chat from a listing or with a user');

export const chatIdInput = z.strictObject({ chatId });

/** Plain text like every stored text: markup is removed, line breaks are kept. */
export const chatSendInput = z.strictObject({ chatId, text: textField(1, MESSAGE_MAX, 'Write a message') });
