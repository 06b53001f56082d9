import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type Me, useForgetMe, useSetMe } from '../../hooks/use-session';
import type { ApiError } from '../../lib/api-error';
import { formErrorsOf } from '../../lib/forms';
import { paths } from '../../lib/paths';
import { trpc } from '../../lib/trpc';
import { photoProblem, UploadError, uploadPhoto } from '../../lib/upload-photo';

/** Saves the profile; the header, listings and profiles show the new name and avatar. */
export function useUpdateProfile() {
  const setMe = useSetMe();
  const utils = trpc.useUtils();
  return trpc.user.update.useMutation({
    onSuccess(user) {
      setMe(user);
      void utils.post.invalidate();
      void utils.user.byUsername.invalidate();
    },
  });
}

/**
 * Changes the avatar: `change(file)` uploads the photo, then makes it the avatar;
 * `change(null)` removes it. `progress` is the fraction of the photo sent (0–1) while it
 * uploads, and `error` what went wrong, for people.
 */
export function useChangeAvatar() {
  const update = useUpdateProfile();
  const [progress, setProgress] = useState<number | null>(null);
  // The upload's refusals are UploadErrors, the procedure's tRPC errors.
  const change = useMutation<Me, UploadError | ApiError, File | null>({
    async mutationFn(file) {
      if (!file) return update.mutateAsync({ avatar: null });
      // A file the server would refuse is not sent at all.
      const problem = photoProblem(file);
      if (problem) throw new UploadError(problem);
      setProgress(0);
      const { url } = await uploadPhoto(file, { onProgress: setProgress }).finally(() => setProgress(null));
      return update.mutateAsync({ avatar: url });
    },
  });
  return { change: change.mutate, pending: change.isPending, progress, error: change.error && avatarErrorMessage(change.error) };
}

/** The upload's own message, or the server's about the avatar (zod's, a photo that is not the user's, a rate limit). */
function avatarErrorMessage(error: UploadError | ApiError): string {
  if (error instanceof UploadError) return error.message;
  const { fields, alert } = formErrorsOf(['avatar'], null, error);
  return [...(fields.avatar ?? []), alert].filter(Boolean).join(' ');
}

export function useChangePassword() {
  return trpc.user.changePassword.useMutation();
}

/** Deletes the account, then forgets the user and says goodbye on the home page. */
export function useDeleteAccount() {
  const forgetMe = useForgetMe();
  return trpc.user.delete.useMutation({
    onSuccess: () => forgetMe(paths.home(), 'Your account has been deleted. We are sorry to see you go.'),
  });
}
