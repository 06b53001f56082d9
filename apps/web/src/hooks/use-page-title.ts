import { useEffect } from 'react';

/** Sets the tab's title for the page being shown. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Estate` : 'Estate';
  }, [title]);
}
