import sanitizeHtml from 'sanitize-html';

/**
 * The HTML a `richText` field may store: what the studio's editor (@mantine/tiptap with StarterKit) produces,
 * and nothing that runs. Every write path (API, import, workflow) reaches the field type's `toColumns`, which
 * cleans the value with this, so scripts, event-handler attributes, styles and `javascript:` links never reach
 * the database, and a reader may render a stored value as HTML.
 *
 * Terminology: a *safe link* has an absolute `http:`, `https:` or `mailto:` address; any other `href`
 * (`javascript:`, `data:`, relative or protocol-relative) is dropped and the link keeps only its text.
 *
 * @example
 *   sanitizeRichText('<p onclick="x()">Hi <a href="javascript:alert(1)">there</a><script>x()</script></p>')
 *   // '<p>Hi <a>there</a></p>'
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

const SAFE_HREF = /^(?:https?|mailto):/i;
/** What sanitize-html also strips before it checks a scheme ("java\tscript:" is "javascript:" to a browser). */
const IGNORED_IN_SCHEME = /[\p{Cc}\s]/gu;

/** The editor's own link attributes: a link opens in a new tab and passes no referrer or ranking. */
const LINK_REL = 'noopener noreferrer nofollow';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'u',
    's',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'a',
    'blockquote',
    'code',
    'pre',
  ],
  allowedAttributes: { a: ['href', 'rel', { name: 'target', values: ['_blank'] }] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  // Tags a pasted document or an import may use for the same marks, written the way the editor writes them.
  transformTags: {
    b: 'strong',
    i: 'em',
    strike: 's',
    del: 's',
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => {
      const href = attribs['href']?.replace(IGNORED_IN_SCHEME, '');
      if (!href || !SAFE_HREF.test(href)) return { tagName, attribs: {} };
      return {
        tagName,
        // In the editor's order, so its own links come back unchanged.
        attribs: {
          ...(attribs['target'] === '_blank' ? { target: '_blank' } : {}),
          rel: LINK_REL,
          href: attribs['href']!.trim(),
        },
      };
    },
  },
  // The text of these is not content (sanitize-html's default list, kept explicit).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'iframe', 'object'],
  disallowedTagsMode: 'discard',
};
