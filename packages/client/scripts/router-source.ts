// The type scripts/router-type.ts spells out for the published client.
import type { AppRouter } from '@estate/api';

export type Source = AppRouter;
