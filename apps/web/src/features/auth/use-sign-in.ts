import { useSetMe } from '../../hooks/use-session';
import { trpc } from '../../lib/trpc';

// Both answer with the user, now signed in: they become `me`, and the RequireSignedOut
// route takes them on to `?next=`.

export function useLogin() {
  const setMe = useSetMe();
  return trpc.auth.login.useMutation({ onSuccess: setMe });
}

export function useRegister() {
  const setMe = useSetMe();
  return trpc.auth.register.useMutation({ onSuccess: setMe });
}
