import { NotFound } from '../components/ui/NotFound';

export function NotFoundPage() {
  return <NotFound title="Page not found" message="There is nothing at this address. It may have moved, or the link may be mistyped." />;
}
