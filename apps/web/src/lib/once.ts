/** `make()`'s value, made on first use and then kept: for costly objects a page may never need. */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
