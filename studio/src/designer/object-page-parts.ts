import { whenQuietAndIdle } from '../graphql/network-activity';

/**
 * The object page's editors, each a chunk of its own (with the colour pickers, the condition builder and the
 * drag and drop they bring): the page first shows the object's fields, and these load once that is done
 * (`preloadObjectPageParts`) or when first opened, whichever comes first.
 */
export const loadFieldModal = () => import('./FieldModal').then((m) => ({ default: m.FieldModal }));
export const loadValidationRulesSection = () =>
  import('./rules/ValidationRulesSection').then((m) => ({ default: m.ValidationRulesSection }));

/**
 * Fetches the editors' code once the page's own requests are done (`whenQuietAndIdle`), so that opening one
 * does not wait. Answers a function that cancels it if it has not started, for an effect's cleanup.
 */
export function preloadObjectPageParts(): () => void {
  return whenQuietAndIdle(() => {
    for (const load of [loadFieldModal, loadValidationRulesSection]) void load().catch(() => undefined);
  });
}
