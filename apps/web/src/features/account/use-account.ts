import { useForgetMe, useSetMe } from '../../hooks/use-session';
import { paths } from '../../lib/paths';
import { trpc } from '../../lib/trpc';

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
