// Preloaded into benchmarked servers (node --expose-gc --require): SIGUSR2 runs a full garbage
// collection, so the memory the benchmark then reads is what is live, not what awaits collection.
process.on('SIGUSR2', () => globalThis.gc?.());
