import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { trackedFetch } from './network-activity';

/**
 * A urql client for `/graphql` carrying the bearer token. One client per token, so a new login starts with
 * an empty cache and nothing of the previous user is shown (session-client.ts keeps the one of the session).
 */
export function createClient(token: string, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      mapExchange({
        onError(error) {
          const unauthenticated =
            error.response?.status === 401 ||
            error.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
          if (unauthenticated) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    preferGetMethod: false,
    fetch: trackedFetch,
  });
}
