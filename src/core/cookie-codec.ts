import { toLang } from './languages';
import { hasOwn, isPurposeId, NECESSARY } from './purposes';
import { type ConsentState, SOURCES, type Source } from './state';

/**
 * Cookie value, format 1 (see docs/cookie-format.md):
 *
 *   1|<id>|<decidedAt, unix seconds>|<revision>|<lang>|<source>|<purpose>:<0|1>.<purpose>:<0|1>…
 *
 * Only `[0-9a-z|:._-]` and the revision's `[A-Za-z0-9._-]` appear, so the value needs no escaping and
 * survives every common cookie parser.
 */
export const FORMAT_VERSION = 1;
const SEPARATOR = '|';
const REVISION = /^[A-Za-z0-9._-]{1,32}$/;
const CONSENT_ID = /^[0-9a-z]{8,32}$/;
/** Real values are far shorter; anything longer is not ours. */
const MAX_LENGTH = 600;

export const isRevision = (value: unknown): value is string => typeof value === 'string' && REVISION.test(value);

export const encodeState = (state: ConsentState): string => {
  const purposes = Object.entries(state.purposes)
    .map(([id, granted]) => `${id}:${granted ? 1 : 0}`)
    .join('.');
  return [
    FORMAT_VERSION,
    state.id,
    Math.floor(Date.parse(state.decidedAt) / 1000),
    state.revision,
    state.lang,
    state.source,
    purposes,
  ].join(SEPARATOR);
};

/** A state, or `null` for anything that is not a well-formed format-1 value. Never throws. */
export const decodeState = (value: unknown): ConsentState | null => {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null;
  const fields = value.split(SEPARATOR);
  if (fields.length !== 7 || fields[0] !== String(FORMAT_VERSION)) return null;
  const [, id = '', seconds = '', revision = '', langCode = '', source = '', purposeList = ''] = fields;
  const lang = toLang(langCode);
  if (
    !CONSENT_ID.test(id) ||
    !/^\d{1,12}$/.test(seconds) ||
    !isRevision(revision) ||
    lang !== langCode ||
    !SOURCES.includes(source as Source)
  ) {
    return null;
  }
  const purposes: Record<string, boolean> = {};
  for (const entry of purposeList.split('.')) {
    const [purpose, flag, extra] = entry.split(':');
    if (!isPurposeId(purpose) || (flag !== '0' && flag !== '1') || extra !== undefined || hasOwn(purposes, purpose)) {
      return null;
    }
    purposes[purpose] = flag === '1';
  }
  if (purposes[NECESSARY] !== true) return null;
  return {
    id,
    decidedAt: new Date(Number(seconds) * 1000).toISOString(),
    revision,
    purposes: purposes as ConsentState['purposes'],
    lang,
    source: source as Source,
  };
};
