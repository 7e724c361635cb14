import type { z } from 'zod';
import { formatPath, type Problem } from '../errors';

/** Parse with this, so issues carry the input: a missing key and a key of the wrong type read differently. */
export const REPORT_INPUT = { reportInput: true } as const;

/** Turns zod issues into problems at user-readable paths, one per unknown key. */
export function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: formatPath([...path, key]), message: 'unknown key' });
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      problems.push({ path: formatPath(path), message: 'is required' });
    } else {
      problems.push({ path: formatPath(path), message: issue.message });
    }
  }
  return problems;
}
