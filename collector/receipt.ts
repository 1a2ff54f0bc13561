import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Receipt } from '../src/core/receipt';

export type { Receipt };

/** The contract between the widget and a collector: docs/schema/receipt.schema.json, read as it is. */
export const receiptSchema: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../docs/schema/receipt.schema.json', import.meta.url), 'utf8'),
);

/** `?consentId=`, as the schema writes a consent id: the reading and erasing endpoints' query. */
export const consentIdQuery = {
  type: 'object',
  required: ['consentId'],
  properties: { consentId: { type: 'string', pattern: '^[0-9a-z]{8,32}$' } },
};

/** Bodies larger than this are refused before they are parsed; a receipt at its schema's limits is about 3 kB. */
export const MAX_BODY_BYTES = 4096;

/**
 * The schema is JSON Schema 2020-12, which Fastify's built-in Ajv (draft-07) cannot read. Fastify's default
 * options would also strip unknown fields and coerce "true" into true: a receipt that is not exactly what
 * the widget sends is refused instead, since it is kept as evidence.
 */
export const ajv = new Ajv2020({
  strict: true,
  allErrors: false,
  coerceTypes: false,
  useDefaults: false,
  removeAdditional: false,
});

const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/**
 * SHA-256 of the receipt with its keys sorted: the same decision sent again (a retry after a lost answer)
 * has the same digest whatever the order of its keys; two decisions in the same second do not
 * (docs/adr/0028-idempotency-key.md).
 */
export const receiptDigest = (receipt: Receipt) => createHash('sha256').update(canonical(receipt)).digest('hex');
