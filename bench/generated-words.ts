/** Deterministic text for the generated libraries of the benchmarks: the same library on every run. */

export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A word source with a long tail, as in real news text: a few very common words, many rare ones.
 * The search index's size and an import's cost depend on it.
 */
export function wordSource(rand: () => number, size = 20_000): () => string {
  const vocab = Array.from({ length: size }, (_, i) => {
    let w = '';
    let n = i + 7;
    do { w += 'abcdefghijklmnoprstuvwyz'[n % 24]; n = Math.floor(n / 24); } while (n > 0);
    return w + (i % 3 === 0 ? 'ation' : i % 3 === 1 ? 'ers' : 'ing');
  });
  return () => vocab[Math.floor(vocab.length * Math.pow(rand(), 3))];
}
