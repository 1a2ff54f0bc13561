import { toLang } from './languages';
import type { ConsentState, Source } from './state';

/**
 * Cookie value, format 1 (see docs/cookie-format.md):
 *
 *   1|<id>|<decidedAt, unix seconds>|<revision>|<lang>|<source>|<purpose>:<0|1>.<purpose>:<0|1>…
 *
 * Only `[0-9a-z|:._-]` and the revision's `[A-Za-z0-9._-]` appear, so the value needs no escaping and
 * survives every common cookie parser.
 */
const FORMAT_VERSION = 1;
const REVISION = /^[\w.-]{1,32}$/;
/** One expression checks every field; anything that does not match is not a decision we wrote. */
const FORMAT =
  /^1\|([0-9a-z]{8,32})\|(\d{1,12})\|([\w.-]{1,32})\|([a-z]{2})\|(banner|preferences|api|gpc|sync)\|([a-z][a-z0-9_-]{0,23}:[01](?:\.[a-z][a-z0-9_-]{0,23}:[01]){0,7})$/;

export const isRevision = (value: unknown): value is string => typeof value === 'string' && REVISION.test(value);

export const encodeState = (state: ConsentState): string =>
  [
    FORMAT_VERSION,
    state.id,
    Math.floor(Date.parse(state.decidedAt) / 1000),
    state.revision,
    state.lang,
    state.source,
    Object.entries(state.purposes)
      .map(([id, granted]) => `${id}:${granted ? 1 : 0}`)
      .join('.'),
  ].join('|');

/** A state, or `null` for anything that is not a well-formed format-1 value. Never throws. */
export const decodeState = (value: unknown): ConsentState | null => {
  const match = typeof value === 'string' ? FORMAT.exec(value) : null;
  if (!match) return null;
  const [, id, seconds, revision, lang, source, list] = match;
  const purposes: Record<string, boolean> = {};
  for (const entry of list.split('.')) {
    const [purpose, flag] = entry.split(':');
    // A purpose twice means someone else wrote this value.
    if (typeof purposes[purpose] === 'boolean') return null;
    purposes[purpose] = flag === '1';
  }
  const known = toLang(lang);
  return purposes.necessary === true && known
    ? {
        id,
        decidedAt: new Date(Number(seconds) * 1000).toISOString(),
        revision,
        purposes: purposes as ConsentState['purposes'],
        lang: known,
        source: source as Source,
      }
    : null;
};
