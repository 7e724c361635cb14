import { ThemeIcon } from '@mantine/core';

/**
 * The timeline's bullets: small stroke icons drawn inline (outline style, after Tabler's), so they look the same
 * whatever fonts the machine has. A task shows its type's icon (call, email, meeting), a type without one the
 * task's check mark.
 */
export type TimelineGlyph = 'history' | 'note' | 'task' | 'run' | 'call' | 'email' | 'meeting';

const PATHS: Readonly<Record<TimelineGlyph, readonly string[]>> = {
  history: ['M4 20h4l10.5 -10.5a2.828 2.828 0 1 0 -4 -4l-10.5 10.5v4', 'M13.5 6.5l4 4'],
  note: ['M13 20l7 -7', 'M13 20v-6a1 1 0 0 1 1 -1h6v-7a2 2 0 0 0 -2 -2h-12a2 2 0 0 0 -2 2v12a2 2 0 0 0 2 2h7'],
  task: ['M5 12l5 5l10 -10'],
  run: ['M13 3v7h6l-8 11v-7h-6l8 -11'],
  call: ['M5 4h4l2 5l-2.5 1.5a11 11 0 0 0 5 5l1.5 -2.5l5 2v4a2 2 0 0 1 -2 2a16 16 0 0 1 -15 -15a2 2 0 0 1 2 -2'],
  email: ['M3 7a2 2 0 0 1 2 -2h14a2 2 0 0 1 2 2v10a2 2 0 0 1 -2 2h-14a2 2 0 0 1 -2 -2z', 'M3 7l9 6l9 -6'],
  meeting: [
    'M5 7a4 4 0 1 0 8 0a4 4 0 1 0 -8 0',
    'M3 21v-2a4 4 0 0 1 4 -4h4a4 4 0 0 1 4 4v2',
    'M16 3.13a4 4 0 0 1 0 7.75',
    'M21 21v-2a4 4 0 0 0 -3 -3.85',
  ],
};

const COLORS: Readonly<Record<TimelineGlyph, string>> = {
  history: 'gray',
  note: 'blue',
  task: 'teal',
  run: 'grape',
  call: 'green',
  email: 'blue',
  meeting: 'violet',
};

/** The glyph of a task type's option value, when there is one (`call`, `email`, `meeting`). */
export function typeGlyph(type: unknown): TimelineGlyph | undefined {
  return type === 'call' || type === 'email' || type === 'meeting' ? type : undefined;
}

/**
 * A bullet: the glyph in a round tinted badge; `color` (an option's colour) overrides the glyph's own. `size` is
 * the badge's (26 px in the timeline), the glyph is about 60 % of it.
 */
export function TimelineIcon(props: { glyph: TimelineGlyph; color?: string | undefined; size?: number }) {
  const size = props.size ?? 26;
  return (
    <ThemeIcon size={size} radius="xl" variant="light" color={props.color ?? COLORS[props.glyph]} aria-hidden>
      <svg
        width={Math.round(size * 0.62)}
        height={Math.round(size * 0.62)}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        data-glyph={props.glyph}
      >
        {PATHS[props.glyph].map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    </ThemeIcon>
  );
}
