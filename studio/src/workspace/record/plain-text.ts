/** Elements that start a line of their own in the text of a rich-text value. */
const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR']);

/**
 * A rich-text value (HTML) as plain text, for the timeline's preview and history: parsed into an inert document
 * (nothing in it runs or loads) and only its text kept, a line per paragraph, list item or line break.
 * Text without markup is returned as it is.
 */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lines: string[] = [];
  let line = '';
  const breakLine = () => {
    lines.push(line);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeName === 'BR') return breakLine();
    const block = BLOCKS.has(node.nodeName);
    if (block && line) breakLine();
    if (node.nodeName === 'LI') line += '• ';
    node.childNodes.forEach(walk);
    if (block) breakLine();
  };
  doc.body.childNodes.forEach(walk);
  if (line) lines.push(line);
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
