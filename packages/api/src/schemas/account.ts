import { z } from 'zod';
import { imageUrl } from './image-url.js';

// The account forms' rules, shared by the procedures and the web app's forms.

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'An email address has at most 254 characters')
  .pipe(z.email('Enter a valid email address'));

const USERNAME_MIN = 3;
const USERNAME_MAX = 30;
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;

/** Forms' hints, from the same numbers as the rules. */
export const USERNAME_HINT = `${USERNAME_MIN}–${USERNAME_MAX} letters, digits, _ or -.`;
export const PASSWORD_HINT = `At least ${PASSWORD_MIN} characters, and not your username or email.`;

/** Stored in lower case like emails, so "Alice" and "alice" are one name, enforced by the unique index. */
export const usernameField = z
  .string()
  .trim()
  .toLowerCase()
  .min(USERNAME_MIN, `At least ${USERNAME_MIN} characters`)
  .max(USERNAME_MAX, `At most ${USERNAME_MAX} characters`)
  .regex(/^[A-Za-z0-9_-]+$/, 'Only letters, digits, _ and -');

export const passwordField = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`);

/** A password equal to the username or email is the first thing anyone would try. */
export function isPersonal(password: string, ...personal: Array<string | undefined>): boolean {
  const lowered = password.toLowerCase();
  // An empty form is wrong for other reasons, said by the other rules.
  return lowered !== '' && personal.some((value) => value?.toLowerCase() === lowered);
}

export const PERSONAL_PASSWORD_MESSAGE = 'The password must not be your username or email';

export const registerInput = z
  .object({ email: emailField, username: usernameField, password: passwordField })
  .refine((input) => !isPersonal(input.password, input.username, input.email), { message: PERSONAL_PASSWORD_MESSAGE, path: ['password'] });

export const loginInput = z.object({
  /** The email or the username; both are stored in lower case. */
  identifier: z.string().trim().toLowerCase().min(1, 'Enter your email or username').max(254),
  password: z.string().min(1, 'Enter your password').max(128),
});

// strictObject: any key besides these is refused, so no caller can write another column.
export const userUpdateInput = z
  .strictObject({ username: usernameField.optional(), email: emailField.optional(), avatar: imageUrl.nullable().optional() })
  .refine((input) => Object.values(input).some((value) => value !== undefined), 'Change at least one field');

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password').max(128),
  newPassword: passwordField,
});

export const deleteAccountInput = z.strictObject({ password: z.string().min(1, 'Enter your password').max(128) });
