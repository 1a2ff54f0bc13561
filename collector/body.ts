import { isUtf8 } from 'node:buffer';

/** UTF-8 cannot hold a surrogate, so in the text one can only be an escape: the walk below is for those bodies only. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** Half of a UTF-16 pair without its other half: JSON can write it (`"\uD800"`), but it is no character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hasLoneSurrogate = (value: unknown): boolean =>
  typeof value === 'string'
    ? LONE_SURROGATE.test(value)
    : value !== null &&
      typeof value === 'object' &&
      Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item));

const refuse = (code: string, message: string) => Object.assign(new Error(message), { statusCode: 400, code });

/**
 * The body of POST /receipts, whatever its content type says: UTF-8 text holding one JSON value, with
 * nothing in it that could not be stored and given back byte for byte. Throws a 400 error naming the fault.
 */
export const parseReceiptBody = (body: Buffer): unknown => {
  // Refused rather than turned into U+FFFD. A byte order mark is kept, and fails as JSON.
  if (!isUtf8(body))
    throw refuse(
      'invalid_encoding',
      'The body is not valid UTF-8; a receipt is kept exactly as sent, so it is not altered to fit.',
    );
  const text = body.toString('utf8');
  let value: unknown;
  try {
    if (text.trim() === '') throw new Error('it is empty; a receipt is one JSON object');
    value = JSON.parse(text);
  } catch (error) {
    throw refuse('malformed_json', `The body is not valid JSON: ${(error as Error).message}.`);
  }
  if (SURROGATE_ESCAPE.test(text) && hasLoneSurrogate(value))
    throw refuse('invalid_encoding', 'The body holds a lone surrogate (such as \\uD800), which is not text.');
  return value;
};
