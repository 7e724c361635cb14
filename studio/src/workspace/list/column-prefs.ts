import { useState } from 'react';

/**
 * The columns a user chose for an object's list, kept in this browser's localStorage (per object, not per
 * account: the screen says "on this device"). A stored name the object no longer has is ignored.
 */
const key = (object: string) => `stratum.list.columns.${object}`;

function read(object: string): string[] | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key(object)) ?? 'null');
    return Array.isArray(stored) && stored.every((n) => typeof n === 'string') ? stored : null;
  } catch {
    return null;
  }
}

/** `[visible, setVisible, reset]`: the chosen column names, or `defaults` until the user chooses. */
export function useColumnPrefs(object: string, defaults: readonly string[]) {
  const [chosen, setChosen] = useState<{ object: string; names: string[] | null }>(() => ({
    object,
    names: read(object),
  }));
  // Another object's list: its own choice.
  const names = chosen.object === object ? chosen.names : read(object);
  if (chosen.object !== object) setChosen({ object, names });
  const visible = names ?? [...defaults];
  const setVisible = (next: string[]) => {
    localStorage.setItem(key(object), JSON.stringify(next));
    setChosen({ object, names: next });
  };
  const reset = () => {
    localStorage.removeItem(key(object));
    setChosen({ object, names: null });
  };
  return [visible, setVisible, reset] as const;
}
