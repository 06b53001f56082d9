import { keepPreviousData } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc';
import { useDebouncedValue } from './use-debounced-value';

/**
 * Cities that start with what was typed, most listings first (the biggest ones for nothing
 * typed). Asked once typing pauses; the last answer stays while the next one comes.
 */
export function useCitySuggestions(prefix: string, enabled: boolean) {
  const settled = useDebouncedValue(prefix.trim(), 150);
  return trpc.post.cities.useQuery(
    { prefix: settled, limit: 8 },
    // Counts change slowly, and a city box is typed into over and over.
    { enabled, placeholderData: keepPreviousData, staleTime: 5 * 60_000 },
  );
}
