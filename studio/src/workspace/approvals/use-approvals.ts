import { useCallback, useEffect, useMemo } from 'react';
import { useQuery } from 'urql';
import type { MyApprovalsQuery } from '../../gql/graphql';
import { MyApprovalsDocument } from './documents';

export type PendingApproval = MyApprovalsQuery['myApprovals'][number];

/** How often the inbox (and the navigation's count) asks the server again, and when the tab comes back. */
const POLL_MS = 30_000;
/**
 * `decideApproval` answers an `Approval`: naming that typename makes every inbox query stale after a
 * decision, so the list and the count show the server's state without waiting for a poll.
 */
const CONTEXT = { additionalTypenames: ['Approval'] };

/**
 * The pending approvals the signed-in user may decide (every one, with `all`, for an admin), from the server
 * (network-only), re-read every 30 s, when the window regains focus, and after any decision.
 */
export function useApprovals(all = false, pause = false) {
  const context = useMemo(() => CONTEXT, []);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyApprovalsDocument,
    variables: { all },
    requestPolicy: 'cache-and-network',
    context,
    pause,
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useEffect(() => {
    if (pause) return;
    const timer = window.setInterval(refresh, POLL_MS);
    window.addEventListener('focus', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [refresh, pause]);
  return { approvals: data?.myApprovals ?? null, fetching, error, refresh };
}
