import { z } from 'zod';
import { demoImagePattern, uploadUrlPattern } from './images.js';

// Kept apart from the URL helpers in images.ts: every page shows images, few need zod.
export const imageUrl = z
  .string()
  .trim()
  .max(200, 'Not an image address')
  .refine((value) => uploadUrlPattern.test(value) || demoImagePattern.test(value), 'Use a photo uploaded to Estate');
