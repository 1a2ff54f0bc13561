import { createHash, timingSafeEqual } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Checks `Authorization: Bearer <token>`. Both sides are hashed first so that timingSafeEqual compares
 * equal lengths: the time taken tells neither the token's length nor how much of it was right.
 */
export const bearerChecker = (token: string) => {
  const expected = sha256(token);
  return (header: string | undefined) => {
    const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
    return match !== null && timingSafeEqual(sha256(match[1]), expected);
  };
};
