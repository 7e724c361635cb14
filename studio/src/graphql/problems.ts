import type { CombinedError } from 'urql';

/** One complaint of the server about an input, at a path such as `input.name` or `input.options[1].value`. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/**
 * The server's `extensions.problems` of a failed mutation (BAD_USER_INPUT), or one problem without a path
 * for any other failure, so a form can put each message on the field it names.
 */
export function problemsOf(error: CombinedError): readonly Problem[] {
  const problems: Problem[] = [];
  for (const e of error.graphQLErrors) {
    const listed = e.extensions?.['problems'];
    if (Array.isArray(listed) && listed.length > 0) {
      for (const p of listed as unknown[]) {
        if (p && typeof p === 'object' && typeof (p as Problem).message === 'string') {
          const path = (p as Problem).path;
          problems.push({ path: typeof path === 'string' ? path : '', message: (p as Problem).message });
        }
      }
    } else {
      problems.push({
        path: typeof e.extensions?.['field'] === 'string' ? e.extensions['field'] : '',
        message: e.message,
      });
    }
  }
  if (problems.length === 0) problems.push({ path: '', message: error.networkError?.message ?? error.message });
  return problems;
}

/** Whether the problem is about the form field at `path` or below it (`input.options` also takes `input.options[0]`). */
function isAt(problem: Problem, path: string): boolean {
  return problem.path === path || problem.path.startsWith(`${path}.`) || problem.path.startsWith(`${path}[`);
}

/** The messages for the form field at `path` and below it. */
export function messagesAt(problems: readonly Problem[], path: string): string | undefined {
  const found = problems.filter((p) => isAt(p, path));
  return found.length ? found.map((p) => p.message).join('; ') : undefined;
}

/** The problems once the user edits the field at `path`: its message goes, the others stay. */
export function withoutPath(problems: readonly Problem[], path: string): readonly Problem[] {
  return problems.filter((p) => !isAt(p, path));
}

/** The problems that no field of the form shows (listed in `claimed`), to show above its buttons. */
export function unclaimed(problems: readonly Problem[], claimed: readonly string[]): readonly Problem[] {
  return problems.filter((p) => !claimed.some((c) => isAt(p, c)));
}
