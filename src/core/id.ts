const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** 20 base-36 characters (about 103 bits): unique per visitor, and cookie-safe without escaping. */
export const newConsentId = (): string => {
  let id = '';
  // 256 is not a multiple of 36; the small bias this gives is harmless for an identifier.
  for (const byte of crypto.getRandomValues(new Uint8Array(20))) id += ALPHABET[byte % 36];
  return id;
};
