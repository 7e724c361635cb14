import { startTransition, useEffect, useState } from 'react';

/**
 * Whether a screen's secondary parts may render yet: false until the screen has committed once with `ready`
 * (its main content shown), then true through a transition. React renders a transition in slices, between the
 * browser's frames, so the main content paints first instead of waiting for everything below and beside it.
 *
 *   const more = useDeferredParts(record !== undefined);
 *   return <>{form}{more && <Timeline … />}</>;
 */
export function useDeferredParts(ready: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (ready && !shown) startTransition(() => setShown(true));
  }, [ready, shown]);
  return shown;
}
