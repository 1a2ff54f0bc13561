/** Refuses what is not UTF-8 rather than turning it into U+FFFD. A byte order mark is kept, and fails as JSON. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw refuse(
      'invalid_encoding',
      'The body is not valid UTF-8; a receipt is kept exactly as sent, so it is not altered to fit.',
    );
  }
  let value: unknown;
  try {
    if (text.trim() === '') throw new Error('it is empty; a receipt is one JSON object');
    value = JSON.parse(text);
  } catch (error) {
    throw refuse('malformed_json', `The body is not valid JSON: ${(error as Error).message}.`);
  }
  if (hasLoneSurrogate(value))
    throw refuse('invalid_encoding', 'The body holds a lone surrogate (such as \\uD800), which is not text.');
  return value;
};
