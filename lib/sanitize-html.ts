import createDOMPurify from 'dompurify';

// Anything that runs code, loads from the network or embeds another document stays out: a saved
// clipping must render offline without telling any server that it was opened.
const FORBID_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'img', 'picture', 'source', 'video', 'audio', 'track', 'svg', 'math', 'canvas', 'form', 'input', 'button',
  'select', 'textarea', 'option', 'template', 'noscript', 'portal', 'image',
];
const FORBID_ATTR = ['style', 'srcset', 'src', 'poster', 'background', 'action', 'formaction', 'ping', 'xlink:href', 'longdesc', 'usemap', 'id', 'class'];

type Purifier = ReturnType<typeof createDOMPurify>;

// One configured sanitiser per window: building one (and parsing its configuration) costs far more
// than sanitising a short article, and an import sanitises thousands.
const purifiers = new WeakMap<Window, Purifier>();

function purifierFor(win: Window & typeof globalThis): Purifier {
  const known = purifiers.get(win);
  if (known) return known;
  const purify = createDOMPurify(win);
  // DOMPurify hands input back unchanged where it cannot run; fail closed instead.
  if (!purify.isSupported) throw new Error('HTML sanitiser unavailable in this environment.');
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!/^https?:/i.test(href)) node.removeAttribute('href');
      else {
        node.setAttribute('rel', 'noopener noreferrer');
        node.setAttribute('target', '_blank');
      }
    }
  });
  purify.setConfig({
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    USE_PROFILES: { html: true },
  });
  purifiers.set(win, purify);
  return purify;
}

/**
 * Sanitises article HTML for storage and display with DOMPurify, using the given window's DOM.
 * Links keep their http(s) target and open in a new tab without a referrer.
 */
export function sanitizeArticleHtml(html: string, win: Window & typeof globalThis): string {
  return String(purifierFor(win).sanitize(html));
}
