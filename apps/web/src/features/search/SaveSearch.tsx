import type { SearchAddress } from '@estate/api/schemas';
import { lazy, Suspense, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { AlertIcon } from '../../components/ui/AlertIcon';
import { buttonClass } from '../../components/ui/button';
import { useMe } from '../../hooks/use-session';
import { paths } from '../../lib/paths';

// The dialog's form and the schema that checks it load when someone means to save (pointer on
// the button, focus, a click), not with the results.
const loadDialog = () => import('./SaveSearchDialog');
const SaveSearchDialog = lazy(async () => ({ default: (await loadDialog()).SaveSearchDialog }));

/**
 * "Save this search": a dialog to name the search (after its filters, unless changed), which
 * saves it for alerts. The order of the results is not part of it. A visitor is sent to sign
 * in first, and back here.
 */
export function SaveSearch({ filters }: { filters: SearchAddress }) {
  const me = useMe();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [opens, setOpens] = useState(0);

  function open() {
    if (!me.data) {
      void navigate(paths.login(pathname + search));
      return;
    }
    setOpens((count) => count + 1);
  }

  return (
    <>
      {/* Until we know who is asking, a click could do neither. */}
      <button
        type="button"
        className={buttonClass({ small: true })}
        onClick={open}
        onPointerEnter={loadDialog}
        onFocus={loadDialog}
        disabled={me.isPending}
      >
        <AlertIcon size={18} />
        Save this search
      </button>
      {opens > 0 && (
        <Suspense>
          <SaveSearchDialog filters={filters} opens={opens} />
        </Suspense>
      )}
    </>
  );
}
