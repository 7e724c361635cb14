import type { FieldDef } from '../model/model';
import { sanitizeRichText } from './rich-text';
import { richTextType } from './text-types';

/**
 * The cleaning of rich text (rich-text.ts): the editor's HTML passes unchanged, anything that could run is
 * removed, and the `richText` field type stores only cleaned HTML.
 */

const field: FieldDef = {
  name: 'body',
  type: 'richText',
  required: false,
  unique: false,
  indexed: false,
  searchable: false,
  settings: {},
  key: 'kbody',
  columns: ['body'],
  system: false,
};

describe('sanitizeRichText', () => {
  test('keeps what the editor writes, as it writes it', () => {
    const html = [
      '<h2>Call notes</h2><h3>Next</h3><h4>Later</h4>',
      '<p>Plain, <strong>bold</strong>, <em>italic</em>, <u>underlined</u>, <s>struck</s>, <code>x &lt; 1</code><br />on</p>',
      '<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol>',
      '<blockquote><p>quoted</p></blockquote><pre><code>let a = 1;</code></pre>',
      '<p><a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com/a?b=1&amp;c=2">site</a>',
      ' <a target="_blank" rel="noopener noreferrer nofollow" href="mailto:nino@example.com">mail</a></p>',
    ].join('');
    expect(sanitizeRichText(html)).toBe(html);
    expect(sanitizeRichText(sanitizeRichText(html))).toBe(html);
  });

  test('plain text stays text', () => {
    expect(sanitizeRichText('  Tbilisi fit-out ')).toBe('  Tbilisi fit-out ');
    expect(sanitizeRichText('გარიგება')).toBe('გარიგება');
    expect(sanitizeRichText('')).toBe('');
    expect(sanitizeRichText('a < b & c')).toBe('a &lt; b &amp; c');
  });

  test('drops scripts with their text, and other tags that run or embed', () => {
    expect(sanitizeRichText('<p>a<script>alert(1)</script>b</p>')).toBe('<p>ab</p>');
    expect(sanitizeRichText('<style>p{}</style><iframe src="https://x.example">in</iframe><p>c</p>')).toBe('<p>c</p>');
    expect(sanitizeRichText('<img src="x" onerror="alert(1)"><p>after</p>')).toBe('<p>after</p>');
    expect(sanitizeRichText('<svg onload="alert(1)"><p>t</p></svg>')).toBe('<p>t</p>');
    expect(sanitizeRichText('<div><span>kept text</span></div>')).toBe('kept text');
  });

  test('removes event handlers, styles and classes', () => {
    expect(sanitizeRichText('<p onclick="x()" style="color:red" class="c" id="i">t</p>')).toBe('<p>t</p>');
    expect(sanitizeRichText('<strong onmouseover="x()">b</strong>')).toBe('<strong>b</strong>');
  });

  test('keeps only http, https and mailto links', () => {
    const bare = (href: string) => sanitizeRichText(`<a href="${href}">x</a>`);
    expect(bare('javascript:alert(1)')).toBe('<a>x</a>');
    expect(bare('  JaVaScRiPt:alert(1)')).toBe('<a>x</a>');
    expect(bare('java&#x09;script:alert(1)')).toBe('<a>x</a>');
    expect(bare('java\nscript:alert(1)')).toBe('<a>x</a>');
    expect(bare('&#106;avascript:alert(1)')).toBe('<a>x</a>');
    expect(bare('data:text/html,<script>alert(1)</script>')).toBe('<a>x</a>');
    expect(bare('vbscript:x')).toBe('<a>x</a>');
    expect(bare('//evil.example')).toBe('<a>x</a>');
    expect(bare('/relative')).toBe('<a>x</a>');
    expect(bare('https://example.com')).toBe('<a rel="noopener noreferrer nofollow" href="https://example.com">x</a>');
    expect(bare('HTTP://example.com')).toBe('<a rel="noopener noreferrer nofollow" href="HTTP://example.com">x</a>');
  });

  test("a link's target is only a new tab, and its rel is the editor's", () => {
    expect(sanitizeRichText('<a href="https://e.example" target="_top" rel="opener">x</a>')).toBe(
      '<a rel="noopener noreferrer nofollow" href="https://e.example">x</a>',
    );
    expect(sanitizeRichText('<a href="https://e.example" target="_blank">x</a>')).toBe(
      '<a target="_blank" rel="noopener noreferrer nofollow" href="https://e.example">x</a>',
    );
  });

  test('writes marks the way the editor does', () => {
    expect(sanitizeRichText('<b>b</b><i>i</i><del>d</del><strike>s</strike>')).toBe(
      '<strong>b</strong><em>i</em><s>d</s><s>s</s>',
    );
    expect(sanitizeRichText('<h1>Title</h1><h6>small</h6>')).toBe('<h2>Title</h2><h4>small</h4>');
  });
});

describe('the richText field type', () => {
  test('stores the cleaned HTML', () => {
    const result = richTextType.toColumns('<p onclick="x()">Hi <a href="javascript:alert(1)">you</a></p>', field);
    expect(result).toEqual({ ok: true, values: ['<p>Hi <a>you</a></p>'] });
  });

  test('refuses non-strings and counts maxLength after cleaning', () => {
    expect(richTextType.toColumns(42, field)).toEqual({ ok: false, message: 'must be a string' });
    const short = { ...field, settings: { maxLength: 13 } };
    expect(richTextType.toColumns('<p>123456</p><script>much more than ten</script>', short)).toEqual({
      ok: true,
      values: ['<p>123456</p>'],
    });
    expect(richTextType.toColumns('<p>1234567</p>', short)).toEqual({
      ok: false,
      message: 'must be at most 13 characters',
    });
  });
});
