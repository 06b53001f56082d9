// Preloaded into benchmarked servers (node --expose-gc --require): SIGUSR2 runs a full garbage
// collection and prints what is live, so a benchmark reads memory in use, not memory awaiting
// collection.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const { rss, heapUsed, external } = process.memoryUsage();
  process.stdout.write(`estate-bench-memory ${JSON.stringify({ rss, heapUsed, external })}\n`);
});
