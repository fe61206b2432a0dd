import { describe, expect, test } from 'vitest';
import { urlKey } from '../../lib/url-key';

describe('urlKey', () => {
  test('drops tracking parameters, fragment and www', () => {
    expect(urlKey('https://www.Example.org/a/b?utm_source=tw&id=3&fbclid=x#top')).toBe('https://example.org/a/b?id=3');
  });
  test('prefers the canonical URL, resolved against the page', () => {
    expect(urlKey('https://m.example.org/a?utm_medium=x', '/story/1')).toBe('https://m.example.org/story/1');
    expect(urlKey('https://m.example.org/a', 'https://www.example.org/story/1')).toBe('https://example.org/story/1');
  });
  test('orders parameters so that the same page has one key', () => {
    expect(urlKey('https://e.org/p?b=2&a=1')).toBe(urlKey('https://e.org/p?a=1&b=2'));
  });
  test('a string that is not a URL is kept as it is', () => {
    expect(urlKey(' not a url ')).toBe('not a url');
  });
});
