import { lazy, type ComponentType } from 'react';

/**
 * A route's page in a chunk of its own: `Page` renders it (suspending until the chunk is there) and `preload`
 * starts the download before React renders the route, both through one import. A failed download (offline,
 * a new deployment) is tried again next time rather than kept.
 *
 *   const objects = lazyPage(() => import('./pages/ObjectsPage'));
 *   objects.preload(); // …later <objects.Page /> renders without a second request
 */
export interface LazyPage {
  readonly Page: ComponentType;
  preload(): void;
}

export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const once = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return { Page: lazy(once), preload: () => void once().catch(() => undefined) };
}
