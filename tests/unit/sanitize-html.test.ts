// @vitest-environment jsdom
// DOMPurify needs a complete DOM; happy-dom is not one it supports (see the fail-closed test).
import { describe, expect, test } from 'vitest';
import { sanitizeArticleHtml } from '../../lib/sanitize-html';

const clean = (html: string) => sanitizeArticleHtml(html, window as unknown as Window & typeof globalThis);

describe('sanitizeArticleHtml', () => {
  test('removes scripts, event handlers and javascript: links', () => {
    const out = clean('<p onclick="steal()">Text<script>alert(1)</script> <a href="javascript:alert(1)">x</a></p>');
    expect(out).not.toMatch(/script|onclick|javascript:/i);
    expect(out).toContain('Text');
  });
  test('removes everything that would load from the network', () => {
    const out = clean('<p>A<img src="https://t.example/p.gif" srcset="x 1x"><iframe src="https://e.example"></iframe><video poster="https://e/p.jpg"></video><link rel="stylesheet" href="https://e/s.css"><span style="background:url(https://e/b.png)">B</span></p>');
    expect(out).not.toMatch(/https?:\/\/|<img|<iframe|<video|<link|style=/i);
    expect(out).toContain('B');
  });
  test('removes SVG tricks', () => {
    const out = clean('<svg><animate onbegin="alert(1)" attributeName="x"/><a xlink:href="javascript:alert(1)">c</a></svg><p>ok</p>');
    expect(out).not.toMatch(/svg|onbegin|javascript/i);
    expect(out).toContain('ok');
  });
  test('refuses to run where DOMPurify cannot sanitise, rather than pass HTML through', () => {
    expect(() => sanitizeArticleHtml('<script>x</script>', {} as Window & typeof globalThis)).toThrow(/sanitiser unavailable/);
  });
  test('keeps http links, opened without referrer', () => {
    const out = clean('<p><a href="https://frontex.europa.eu/">Frontex</a></p>');
    expect(out).toContain('href="https://frontex.europa.eu/"');
    expect(out).toContain('rel="noopener noreferrer"');
  });
});
