import type { ApolloServerPlugin } from '@apollo/server';
import { isStratumError, type Db } from '@stratum/runtime';
import { audit } from '../auth/audit';
import type { GraphQLContext } from './context';
import { rootCause } from './errors';

/** Writes every permission denial of a GraphQL operation to the audit log (who, which operation, why). */
export function auditDenials(db: Db, workspace: string): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(request) {
          const denied = request.errors
            .map((e) => rootCause(e))
            .filter((e) => isStratumError(e) && e.code === 'FORBIDDEN');
          if (denied.length === 0) return;
          await audit(db, {
            workspace,
            userId: request.contextValue.caller.userId,
            event: 'permissionDenied',
            subject: request.operationName ?? null,
            detail: { messages: denied.map((e) => (e as Error).message) },
          });
        },
      };
    },
  };
}
