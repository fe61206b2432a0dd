import { buildSync } from 'esbuild';
import { expect, test } from 'vitest';

// A script's source stays in memory as long as its functions may be compiled, and V8 keeps it two
// bytes a character as soon as one character is above U+00FF: one curly quote in a regex literal
// (which the bundler leaves as it is, where it escapes strings) doubled the detector's source in
// the heap, 0.8 MB. Regex literals in lib/ spell such characters as \u escapes. (Readability's own
// regexes hold Chinese and Cyrillic words, so a bundle with it stays two bytes a character.)
test('the detector bundles to Latin-1 text only', () => {
  const out = buildSync({ entryPoints: ['lib/detect/index.ts'], bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], write: false, logLevel: 'silent' });
  const text = out.outputFiles[0].text;
  const wide: string[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) wide.push(text.slice(i - 40, i + 20));
  expect(wide).toEqual([]);
  expect(text.length).toBeGreaterThan(100_000);
});
