/**
 * Formula text → syntax tree, with jsep (a small, well-kept JavaScript expression parser): we take its
 * grammar as it is (literals, identifiers, member access, calls, unary and binary operators, `? :`) and
 * check the tree ourselves (`check-expression.ts`), so jsep's global configuration is never changed.
 *
 * jsep does not record where nodes start, so positions are recovered afterwards: the tree is walked in
 * source order (every node kind jsep produces lists its parts left to right), and each token is found in
 * the text from where the previous one ended. Between two tokens only spaces and brackets can stand, so
 * the search cannot land inside another token.
 */
import jsep from 'jsep';

export type SyntaxNode = jsep.Expression;

export interface ParsedExpression {
  readonly root: SyntaxNode;
  /** 0-based position of a node in the text: of the operator for operators, of the first token otherwise. */
  position(node: SyntaxNode): number;
}

/** A problem in a formula, at a 0-based position of its text. */
export class FormulaError extends Error {
  readonly position: number;
  /** For a cycle of formulas: the fields in it, as `object.field`, first and last the same. */
  readonly cycle?: readonly string[] | undefined;

  constructor(description: string, position: number, hint?: string, cycle?: readonly string[]) {
    super(`${description} at position ${position}${hint ? ` (${hint})` : ''}`);
    this.name = 'FormulaError';
    this.position = position;
    this.cycle = cycle;
  }
}

/**
 * Parses a formula; throws a FormulaError at the position of a syntax error.
 *
 * @example
 *   const { root, position } = parseExpression('amount * 2');
 *   position(root) // 7 (the `*`)
 */
export function parseExpression(text: string): ParsedExpression {
  let root: SyntaxNode;
  try {
    root = jsep(text);
  } catch (error) {
    const { description, index } = error as { description?: string; index?: number };
    throw new FormulaError(description ?? String(error), typeof index === 'number' ? index : 0);
  }
  const positions = new Map<SyntaxNode, number>();
  locate(text, root, positions);
  return { root, position: (node) => positions.get(node) ?? 0 };
}

const IDENTIFIER_PART = /[\p{L}\p{N}_$]/u;

function locate(text: string, root: SyntaxNode, positions: Map<SyntaxNode, number>): void {
  let cursor = 0;
  const find = (token: string, wholeWord: boolean): number => {
    let at = text.indexOf(token, cursor);
    if (wholeWord) {
      while (
        at >= 0 &&
        ((at > 0 && IDENTIFIER_PART.test(text[at - 1]!)) || IDENTIFIER_PART.test(text[at + token.length] ?? ''))
      )
        at = text.indexOf(token, at + 1);
    }
    const found = at < 0 ? cursor : at;
    cursor = at < 0 ? cursor : at + token.length;
    return found;
  };
  const visit = (node: SyntaxNode | null | undefined): void => {
    if (!node) return;
    const start = cursor;
    switch (node.type) {
      case 'Literal':
        positions.set(node, find(String((node as jsep.Literal).raw), false));
        return;
      case 'Identifier':
        positions.set(node, find((node as jsep.Identifier).name, true));
        return;
      case 'MemberExpression': {
        const member = node as jsep.MemberExpression;
        visit(member.object);
        positions.set(node, positions.get(member.object) ?? start);
        visit(member.property);
        return;
      }
      case 'CallExpression': {
        const call = node as jsep.CallExpression;
        visit(call.callee);
        positions.set(node, positions.get(call.callee) ?? start);
        for (const arg of call.arguments) visit(arg);
        return;
      }
      case 'UnaryExpression': {
        const unary = node as jsep.UnaryExpression;
        positions.set(node, find(unary.operator, false));
        visit(unary.argument);
        return;
      }
      case 'BinaryExpression': {
        const binary = node as jsep.BinaryExpression;
        visit(binary.left);
        positions.set(node, find(binary.operator, false));
        visit(binary.right);
        return;
      }
      case 'ConditionalExpression': {
        const conditional = node as jsep.ConditionalExpression;
        visit(conditional.test);
        positions.set(node, find('?', false));
        visit(conditional.consequent);
        find(':', false);
        visit(conditional.alternate);
        return;
      }
      case 'Compound': {
        const compound = node as jsep.Compound;
        for (const part of compound.body) visit(part);
        positions.set(node, compound.body[1] ? (positions.get(compound.body[1]) ?? start) : start);
        return;
      }
      case 'ArrayExpression':
        positions.set(node, find('[', false));
        for (const element of (node as jsep.ArrayExpression).elements) visit(element);
        return;
      default:
        positions.set(node, start);
    }
  };
  visit(root);
}
