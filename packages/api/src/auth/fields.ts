import { z } from 'zod';

// The account fields' rules, shared by register, profile updates and password changes.

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'An email address has at most 254 characters')
  .pipe(z.email('Enter a valid email address'));

/** Stored in lower case like emails, so "Alice" and "alice" are one name, enforced by the unique index. */
export const usernameField = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'At least 3 characters')
  .max(30, 'At most 30 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Only letters, digits, _ and -');

export const passwordField = z.string().min(8, 'At least 8 characters').max(128, 'At most 128 characters');

/** A password equal to the username or email is the first thing anyone would try. */
export function isPersonal(password: string, ...personal: Array<string | undefined>): boolean {
  const lowered = password.toLowerCase();
  return personal.some((value) => value !== undefined && value.toLowerCase() === lowered);
}

export const PERSONAL_PASSWORD_MESSAGE = 'The password must not be your username or email';

/** A path on this site (uploads, demo images) or an https URL; never javascript: or data:. */
export const avatarField = z
  .string()
  .trim()
  .max(500)
  .refine(
    (value) => /^\/images\/[\w-]+(\/[\w.-]+)*$/.test(value) || /^https:\/\/[^\s"'<>]+$/.test(value),
    'Use an uploaded image or an https:// address',
  );
