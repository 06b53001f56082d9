// Type-checked with the package (pnpm typecheck), never run: the spelled-out router gives
// callers exactly what AppRouter does, for every procedure's input, output and errors.
import type { AppRouter } from '@estate/api';
import type { inferRouterError, inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { EstateRouter } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export type Checks = [
  Expect<Equal<inferRouterInputs<EstateRouter>, inferRouterInputs<AppRouter>>>,
  Expect<Equal<inferRouterOutputs<EstateRouter>, inferRouterOutputs<AppRouter>>>,
  Expect<Equal<inferRouterError<EstateRouter>, inferRouterError<AppRouter>>>,
];
