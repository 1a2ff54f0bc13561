import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 of the client address with a secret salt (docs/adr/0027-client-address-hash.md): two
 * receipts from one address can be matched, and an address the shop is asked about can be checked, but
 * the address cannot be read back, nor found by hashing all four billion IPv4 addresses.
 */
export const addressHasher = (salt: string) => (address: string) =>
  createHmac('sha256', salt)
    // A client on IPv4 reaches a dual-stack socket as ::ffff:a.b.c.d: one address, one hash.
    .update(address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, ''))
    .digest('hex');
