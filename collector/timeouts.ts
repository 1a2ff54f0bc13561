/** How long a client may take, in seconds; each is a setting (docs/collector.md). */
export interface Timeouts {
  /** From the connection (or the end of the previous request) to the end of the headers. */
  headers: number;
  /** From the start of a request to the end of its body. */
  request: number;
  /** How long a kept-alive connection may wait for its next request. */
  keepAlive: number;
}

/**
 * A beacon is a few hundred bytes: 10 s for the headers and 20 s for the whole request leave a slow mobile
 * network plenty, and a client that stalls (on purpose or not) holds a connection no longer. Keep-alive is
 * 72 s, Fastify's own default, longer than the 60 s a load balancer or nginx keeps an idle upstream
 * connection: the proxy, not the collector, must close an idle one, or a request it sends at that moment
 * fails.
 */
export const DEFAULT_TIMEOUTS: Timeouts = { headers: 10, request: 20, keepAlive: 72 };

/**
 * Node checks the headers and request deadlines of open connections every `connectionsCheckingInterval`
 * (30 s by default, which would let a stalled connection live 30 s past its deadline); once a second
 * costs a walk over the open connections.
 */
const CHECK_INTERVAL_MS = 1000;

/** The Fastify server options that enforce them. */
export const serverTimeouts = ({ headers, request, keepAlive }: Timeouts) => ({
  requestTimeout: request * 1000,
  keepAliveTimeout: keepAlive * 1000,
  http: { headersTimeout: headers * 1000, connectionsCheckingInterval: CHECK_INTERVAL_MS },
});
