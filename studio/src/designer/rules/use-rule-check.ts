import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { problemsOf, type Problem } from '../../graphql/problems';
import { SaveValidationRulesDocument } from './documents';
import { ruleProblems, type RuleJson } from './rule-draft';

/** Stands in for a name or message still being typed, so the check reaches the condition or the script. */
const PLACEHOLDER_NAME = 'ruleBeingChecked';
const PLACEHOLDER_MESSAGE = '-';

export interface RuleCheck {
  /** The rule changed since the last answer (or the answer is on its way). */
  readonly checking: boolean;
  /** The server's problems with the rule's condition, script and fields (by the dialog's paths); null before any answer. */
  readonly problems: readonly Problem[] | null;
}

/**
 * The server's check of one rule as it is edited (400 ms after the last change): a dry run of `updateObject`
 * with the rule alone, so it is judged exactly as a save would judge it — the condition parsed on the object,
 * the script compiled, the fields looked up — and nothing is applied. Only what the rule's condition, script
 * and fields say is reported; its name and message are the dialog's to check.
 */
export function useRuleCheck(object: string, rule: RuleJson | null): RuleCheck {
  const client = useClient();
  const typed = rule ? JSON.stringify({ ...rule, name: PLACEHOLDER_NAME, message: PLACEHOLDER_MESSAGE }) : '';
  const [key] = useDebouncedValue(typed, 400);
  const [answer, setAnswer] = useState<{ for: string; problems: readonly Problem[] } | null>(null);

  useEffect(() => {
    if (!key) return;
    let current = true;
    void client
      .mutation(SaveValidationRulesDocument, { name: object, rules: [JSON.parse(key)], dryRun: true })
      .toPromise()
      .then((result) => {
        if (!current) return;
        const problems = result.error ? ruleProblems(problemsOf(result.error), 0) : [];
        setAnswer({ for: key, problems: problems.filter((p) => !/^(name|message)\b/.test(p.path)) });
      });
    return () => {
      current = false;
    };
  }, [client, object, key]);

  if (!typed) return { checking: false, problems: null };
  return { checking: answer?.for !== typed, problems: answer?.for === key ? answer.problems : null };
}
