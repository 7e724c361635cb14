import type jsep from 'jsep';
import { FormulaError, parseExpression } from './parse-expression';

/**
 * parseExpression: jsep's syntax tree, with the position of every node recovered from the text (jsep
 * records none), and syntax errors as FormulaErrors at jsep's position.
 */
function positions(text: string): [string, number][] {
  const { root, position } = parseExpression(text);
  const out: [string, number][] = [];
  const visit = (node: jsep.Expression | null | undefined) => {
    if (!node) return;
    const label =
      node.type === 'Identifier'
        ? (node as jsep.Identifier).name
        : node.type === 'Literal'
          ? String((node as jsep.Literal).raw)
          : node.type === 'BinaryExpression' || node.type === 'UnaryExpression'
            ? (node as jsep.BinaryExpression).operator
            : node.type;
    out.push([label, position(node)]);
    for (const key of ['object', 'property', 'callee', 'left', 'argument', 'right', 'test', 'consequent', 'alternate'])
      visit(node[key] as jsep.Expression | undefined);
    for (const arg of (node.arguments as jsep.Expression[] | undefined) ?? []) visit(arg);
  };
  visit(root);
  return out;
}

describe('parseExpression', () => {
  test('positions of identifiers, literals and operators', () => {
    expect(positions('amount * probability / 100')).toEqual([
      ['/', 21],
      ['*', 7],
      ['amount', 0],
      ['probability', 9],
      ['100', 23],
    ]);
  });

  test('a name inside a string or a longer name is not mistaken for the token', () => {
    expect(positions("'a' + a + aa")).toEqual([
      ['+', 8],
      ['+', 4],
      ["'a'", 0],
      ['a', 6],
      ['aa', 10],
    ]);
  });

  test('members, calls, unary operators and conditionals', () => {
    expect(positions('IF(!done, -company.size, x ? 1 : 2)')).toEqual([
      ['CallExpression', 0],
      ['IF', 0],
      ['!', 3],
      ['done', 4],
      ['-', 10],
      ['MemberExpression', 11],
      ['company', 11],
      ['size', 19],
      ['ConditionalExpression', 27],
      ['x', 25],
      ['1', 29],
      ['2', 33],
    ]);
  });

  test.each([
    ['1 +', 'Expected expression after + at position 3'],
    ['(a', 'Unclosed ( at position 2'],
    ['a #', 'Unexpected "#" at position 2'],
    ["'open", 'Unclosed quote after "open" at position 5'],
  ])('a syntax error in %s is reported with its position', (text, message) => {
    expect(() => parseExpression(text)).toThrow(FormulaError);
    expect(() => parseExpression(text)).toThrow(message);
  });

  test('operators jsep knows and formulas do not are parsed and left to the checker to refuse', () => {
    expect(positions('a ** b')[0]).toEqual(['**', 2]);
  });
});
