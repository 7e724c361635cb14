import dayjs from 'dayjs';
import { selectOptions, taskTypeField, type Activity } from './timeline-query';

/**
 * What the timeline's quick-add offers, from metadata: a note, a follow-up task, and, where the task object's
 * `type` select has the options `call` and `email`, logging a call or an email that happened (a task of that
 * type, done). Only for activities that point back at the record and that the user may create.
 */
export type QuickActionKind = 'note' | 'task' | 'call' | 'email';

export interface QuickAction {
  readonly kind: QuickActionKind;
  readonly activity: Activity;
}

export function quickActionsOf(activities: readonly Activity[]): QuickAction[] {
  return activities
    .filter((a) => a.backReference && a.target.permissions?.create !== false)
    .flatMap((activity): QuickAction[] => {
      if (activity.kind === 'note') return [{ kind: 'note', activity }];
      const types = selectOptions(taskTypeField(activity)).map((o) => o.value);
      return [
        { kind: 'task', activity },
        ...(['call', 'email'] as const).filter((t) => types.includes(t)).map((kind) => ({ kind, activity })),
      ];
    });
}

/** What the quick-add form holds: `text` is a note's body or a logged task's description; `when` local time. */
export interface QuickInput {
  readonly title: string;
  readonly text: string;
  readonly when: string | null;
}

/**
 * The `data` of the create mutation. A logged call or email is done: `status` done (when it is an option) and
 * `completedAt` when it happened. A rich-text note body is sent as HTML, a paragraph per line of the text.
 */
export function taskData(action: QuickAction, recordId: string, input: QuickInput): Record<string, unknown> {
  const { activity } = action;
  const data: Record<string, unknown> = { [activity.backReference!.name]: recordId };
  if (input.title.trim()) data['title'] = input.title.trim();
  const field = (name: string) => activity.target.fields.find((f) => f.name === name && activity.shown.includes(name));
  switch (action.kind) {
    case 'note':
      data['body'] = field('body')?.type === 'richText' ? paragraphs(input.text) : input.text;
      break;
    case 'task':
      if (input.when) data['dueDate'] = dayjs(input.when).toISOString();
      break;
    case 'call':
    case 'email': {
      data['type'] = action.kind;
      if (selectOptions(field('status')).some((o) => o.value === 'done')) data['status'] = 'done';
      if (field('completedAt')) data['completedAt'] = dayjs(input.when ?? undefined).toISOString();
      if (field('description') && input.text.trim()) data['description'] = input.text.trim();
      break;
    }
  }
  return data;
}

const escapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Plain text as HTML: each line a paragraph, markup characters escaped. */
export function paragraphs(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `<p>${line.replace(/[&<>"]/g, (c) => escapes[c]!)}</p>`)
    .join('');
}
