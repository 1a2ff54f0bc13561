import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { consentIdQuery } from './receipt';
import type { Store } from './store/store';

/**
 * A visitor's right to erasure (GDPR Art. 17 and its equivalents, docs/collector.md):
 * `DELETE /receipts?consentId=` deletes every receipt of that visitor and records that it did, with the
 * time and the count but not the consent id, so the shop can show it acted without keeping whom it was
 * for. `GET /erasures` lists those records. Both need the token.
 */
export const registerErasure = (
  app: FastifyInstance,
  store: Store,
  authorize: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  clock: () => number,
) => {
  app.delete<{ Querystring: { consentId: string } }>(
    '/receipts',
    { onRequest: authorize, schema: { querystring: consentIdQuery } },
    async (request) => {
      const at = clock();
      const erased = await store.erase(request.query.consentId, at);
      return { consentId: request.query.consentId, erased, at: new Date(at).toISOString() };
    },
  );
  app.get('/erasures', { onRequest: authorize }, async () => ({ erasures: await store.erasures() }));
};
