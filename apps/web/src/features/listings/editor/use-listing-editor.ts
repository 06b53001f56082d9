import { postCreateInput, postUpdateInput } from '@estate/api/schemas';
import { type ZodMessages, zodMessages } from '../../../lib/forms';
import { trpc } from '../../../lib/trpc';
import { createInputOf, type Listing, type ListingTexts, updateInputOf } from './listing-values';

interface SaveOptions {
  texts: ListingTexts;
  /** The uploaded photos' URLs, in order. */
  images: readonly string[];
  photoProblem: string | null;
  onSaved: (id: string) => void;
}

/**
 * Saves the editor's listing: `post.create` for a new one, or `post.update` with only what
 * changed in `listing`. Once saved, whatever shows listings is refreshed: the listing's page,
 * search results, "my listings", a lister's listings and their count.
 */
export function useListingEditor(listing: Listing | undefined) {
  const utils = trpc.useUtils();
  // Awaited, so the listing's page, shown next, shows what was saved rather than the old copy.
  const onSuccess = () => Promise.all([utils.post.invalidate(), utils.user.byUsername.invalidate()]);
  const create = trpc.post.create.useMutation({ onSuccess });
  const update = trpc.post.update.useMutation({ onSuccess });
  const mutation = listing ? update : create;

  /**
   * Sends the listing when the procedure's own schema accepts it and the photos are ready
   * (`photoProblem` says why not), and calls `onSaved` once it is saved; otherwise sends
   * nothing and returns the messages: the schema's, and the photos' problem.
   */
  function save({ texts, images, photoProblem, onSaved }: SaveOptions): ZodMessages | null {
    mutation.reset();
    const photoIssues = photoProblem ? [{ path: ['images'], message: photoProblem }] : [];
    const options = { onSuccess: ({ id }: { id: string }) => onSaved(id) };
    if (listing) {
      const parsed = postUpdateInput.safeParse(updateInputOf(listing, texts, images));
      if (!parsed.success || photoProblem) return zodMessages([...(parsed.error?.issues ?? []), ...photoIssues]);
      update.mutate(parsed.data, options);
    } else {
      const parsed = postCreateInput.safeParse(createInputOf(texts, images));
      if (!parsed.success || photoProblem) return zodMessages([...(parsed.error?.issues ?? []), ...photoIssues]);
      create.mutate(parsed.data, options);
    }
    return null;
  }

  return { save, error: mutation.error, isPending: mutation.isPending };
}
