import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a dashboard sign-in lasts. */
export const SESSION_MS = 8 * 60 * 60 * 1000;

/**
 * `__Host-`: the browser keeps it only if it is Secure, has Path=/ and no Domain, so no other site or
 * subdomain can set or shadow it. Browsers treat http://localhost and 127.0.0.1 as secure, so the demo
 * works over plain HTTP.
 */
export const SESSION_COOKIE = '__Host-shopconsent-session';

/**
 * Dashboard sessions without server state: the cookie holds its expiry, a random nonce and an HMAC of
 * both keyed by the collector token. A changed token makes every session invalid at once; nothing is kept
 * per session, so several collectors behind one load balancer accept each other's.
 */
export const sessionKeeper = (token: string, clock: () => number) => {
  const mac = (payload: string) => createHmac('sha256', token).update(`dashboard-session:${payload}`).digest();
  return {
    issue() {
      const payload = `${clock() + SESSION_MS}.${randomBytes(12).toString('base64url')}`;
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    valid(value: string | undefined) {
      const match = /^(\d{1,15})\.([\w-]{16})\.([\w-]{43})$/.exec(value ?? '');
      if (!match) return false;
      const given = Buffer.from(match[3], 'base64url');
      const expected = mac(`${match[1]}.${match[2]}`);
      return given.length === expected.length && timingSafeEqual(given, expected) && Number(match[1]) > clock();
    },
  };
};

/** One cookie's value from a Cookie header. */
export const cookieValue = (header: string | undefined, name: string) => {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
};

export const sessionCookie = (value: string) =>
  `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${SESSION_MS / 1000}; HttpOnly; Secure; SameSite=Strict`;

export const clearedSessionCookie = () => `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict`;
