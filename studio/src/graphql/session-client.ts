import type { Client } from 'urql';
import { createClient } from './client';

interface Session {
  readonly token: string;
  readonly client: Client;
  onUnauthenticated?: () => void;
  /** The server refused the token before anyone was there to hear it (a start-up query). */
  refused: boolean;
}

let session: Session | undefined;

/**
 * The GraphQL client of a signed-in token: the same one for the queries started before React renders
 * (preload-first-page.ts) and for the app, so that the app finds their answers in its cache or in flight.
 * Another token gets a new client, with an empty cache: nothing of the previous user is shown.
 * `onUnauthenticated` is told when the server refuses the token, also when that happened before it was given.
 */
export function sessionClient(token: string, onUnauthenticated?: () => void): Client {
  if (session?.token !== token) {
    const created: Session = { token, client: createClient(token, () => refuse(created)), refused: false };
    session = created;
  }
  if (onUnauthenticated) {
    session.onUnauthenticated = onUnauthenticated;
    if (session.refused) {
      session.refused = false;
      // Not during the render that asked for the client.
      queueMicrotask(onUnauthenticated);
    }
  }
  return session.client;
}

/** The server refused a session's token: tell the app, or keep it until the app asks for the client. */
function refuse(refused: Session): void {
  if (refused.onUnauthenticated) refused.onUnauthenticated();
  else refused.refused = true;
}
