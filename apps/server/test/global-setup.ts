import { prepareTestTemplates } from '@estate/db/testing';

// Builds the database templates once, before any test file clones them.
export default async function setup(): Promise<void> {
  await prepareTestTemplates();
}
