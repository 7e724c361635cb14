import { badInput } from '../errors';

/** The acting user as conditions see it (`$user.id`, `$user.teamIds`, `$user.subordinateIds`, …). */
export interface UserValues {
  readonly id: string;
  readonly email?: string;
  readonly teamIds: readonly string[];
  readonly subordinateIds: readonly string[];
}

const PLACEHOLDER = /^\$user\.([a-zA-Z]+)$/;

/**
 * Replaces `"$user.x"` strings in a condition with the user's values. A list value (`$user.teamIds`) used
 * as a plain field value becomes `$in`, so `{ team: "$user.teamIds" }` reads "the team is one of mine".
 */
export function interpolateUser(condition: unknown, user: UserValues, path = 'conditions'): unknown {
  if (typeof condition === 'string') {
    const match = PLACEHOLDER.exec(condition);
    if (!match) return condition;
    const value = (user as unknown as Record<string, unknown>)[match[1]!];
    if (value === undefined)
      throw badInput({
        path,
        message: `unknown user value ${condition} (known: $user.id, $user.email, $user.teamIds, $user.subordinateIds)`,
      });
    return value;
  }
  if (Array.isArray(condition)) return condition.map((item, i) => interpolateUser(item, user, `${path}[${i}]`));
  if (typeof condition !== 'object' || condition === null) return condition;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(condition)) {
    const replaced = interpolateUser(value, user, `${path}.${key}`);
    // A list put where one value belongs means "any of these".
    out[key] =
      Array.isArray(replaced) && !key.startsWith('$') && typeof value === 'string' ? { $in: replaced } : replaced;
  }
  return out;
}

/** A stand-in user for validating rules before anyone acts: well-formed ids of every kind. */
export const SAMPLE_USER: UserValues = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'someone@example.com',
  teamIds: ['00000000-0000-4000-8000-000000000002'],
  subordinateIds: ['00000000-0000-4000-8000-000000000003'],
};
