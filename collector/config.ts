import { DEFAULT_TIMEOUTS, type Timeouts } from './timeouts';

/** How the collector is set up; `readConfig` builds it from the environment, `createCollector` takes it. */
export interface CollectorOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** `sqlite:<file>` or `postgres://…` (`postgresql://…`). */
  database: string;
  /** Bearer token for the reading endpoints; without one they answer 403. */
  token: string | null;
  /** Origins answered with CORS headers; `'*'` for any. */
  allowedOrigins: string[] | '*';
  retentionDays: number;
  /** Key of the client address hash; null: generated once and kept in the database. */
  salt: string | null;
  /** Fastify's `trustProxy`: which `X-Forwarded-For` hops to believe for the client address. */
  trustProxy: boolean | string[];
  /** How far `decidedAt` may be ahead of the arrival (a visitor's clock that runs fast); 300 unless set. */
  clockSkewSeconds?: number;
  /** Deadlines for a client's headers, its whole request, and an idle kept-alive connection; `DEFAULT_TIMEOUTS` unless set. */
  timeouts?: Timeouts;
  /** SQLite only: the database stops growing at this size, in MB; null or unset: as far as the disk allows. */
  sqliteMaxMegabytes?: number | null;
  /** Milliseconds since the epoch; the receive time of receipts and the retention cut-off. */
  clock?: () => number;
  /** Passed to Fastify; `false` for silence, `{ stream }` to read the log (tests). */
  logger?: boolean | { level?: string; stream: { write(line: string): void } };
}

const DEFAULT_PORT = 8787;
const DEFAULT_SQLITE = 'sqlite:./data/receipts.db';
/**
 * Three years. The law in our markets asks for proof of consent but names no period (compliance note,
 * part A); a complaint about a decision can come long after the decision expired (182 days by default),
 * and a receipt deleted too early cannot be brought back, so the default errs on the long side.
 */
export const DEFAULT_RETENTION_DAYS = 1095;
/** Five minutes: a phone's clock that is a little fast still sends receipts that are kept. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 300;
/** A token shorter than this could be guessed; a generated one is 32 characters and more. */
const MIN_SECRET_LENGTH = 16;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The collector cannot start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const ORIGIN = /^https?:\/\/[^/\s?#]+$/;

const integer = (value: string, min: number, max: number) => {
  if (!/^\d+$/.test(value.trim())) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
};

const trustProxy = (value: string): boolean | string[] | null => {
  const text = value.trim();
  if (text === 'true') return true;
  if (text === 'false') return false;
  const list = text.split(',').map((item) => item.trim());
  return list.every((item) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(item)) ? list : null;
};

/**
 * Reads the collector's settings from environment variables. A value that could make the collector unsafe
 * or not what its operator meant (a short token, a malformed origin, a retention that is not a number of
 * days) stops it with a message naming the variable; what is merely unset gets a default, told in `notes`.
 */
export const readConfig = (env: NodeJS.ProcessEnv): { options: CollectorOptions; notes: string[] } => {
  const problems: string[] = [];
  const notes: string[] = [];
  const set = (name: string) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };

  let port = DEFAULT_PORT;
  const portText = set('PORT');
  if (portText !== undefined) {
    const parsed = integer(portText, 0, 65535);
    if (parsed === null) problems.push(`PORT=${portText} is not a port number (0 to 65535).`);
    else port = parsed;
  }

  let database = DEFAULT_SQLITE;
  const url = set('DATABASE_URL');
  if (url === undefined) notes.push('DATABASE_URL is not set: receipts are stored in SQLite, ./data/receipts.db.');
  else if (/^postgres(ql)?:\/\//.test(url) || (url.startsWith('sqlite:') && url.length > 'sqlite:'.length))
    database = url;
  else problems.push('DATABASE_URL must start with postgres:// (or postgresql://), or be sqlite:<file>.');

  let token: string | null = null;
  const tokenText = env.COLLECTOR_TOKEN;
  if (tokenText !== undefined && tokenText !== '') {
    if (tokenText.length < MIN_SECRET_LENGTH || /\s/.test(tokenText))
      problems.push(`COLLECTOR_TOKEN must be at least ${MIN_SECRET_LENGTH} characters, without spaces.`);
    else token = tokenText;
  }

  let allowedOrigins: string[] | '*' = [];
  const originsText = set('ALLOWED_ORIGINS');
  if (originsText === '*') allowedOrigins = '*';
  else if (originsText !== undefined) {
    const list = originsText
      .split(',')
      .map((origin) => origin.trim().replace(/\/$/, ''))
      .filter(Boolean);
    const bad = list.filter((origin) => !ORIGIN.test(origin));
    if (bad.length)
      problems.push(`ALLOWED_ORIGINS: ${bad.join(', ')} is not an origin like https://www.shop.lv (no path).`);
    allowedOrigins = list;
  }

  let retentionDays = DEFAULT_RETENTION_DAYS;
  const daysText = set('RETENTION_DAYS');
  if (daysText === undefined)
    notes.push(`RETENTION_DAYS is not set: receipts are kept ${DEFAULT_RETENTION_DAYS} days after they arrive.`);
  else {
    const parsed = integer(daysText, 1, 36500);
    if (parsed === null) problems.push(`RETENTION_DAYS=${daysText} is not a whole number of days from 1 to 36500.`);
    else retentionDays = parsed;
  }

  let salt: string | null = null;
  const saltText = env.COLLECTOR_SALT;
  if (saltText !== undefined && saltText !== '') {
    if (saltText.length < MIN_SECRET_LENGTH)
      problems.push(`COLLECTOR_SALT must be at least ${MIN_SECRET_LENGTH} characters.`);
    else salt = saltText;
  }

  let trust: boolean | string[] = false;
  const trustText = set('TRUST_PROXY');
  if (trustText !== undefined) {
    const parsed = trustProxy(trustText);
    if (parsed === null)
      problems.push('TRUST_PROXY must be true, false, or a comma list of proxy addresses (e.g. 127.0.0.1,10.0.0.0/8).');
    else trust = parsed;
  }

  let clockSkewSeconds = DEFAULT_CLOCK_SKEW_SECONDS;
  const skewText = set('CLOCK_SKEW_SECONDS');
  if (skewText !== undefined) {
    const parsed = integer(skewText, 0, 86400);
    if (parsed === null)
      problems.push(`CLOCK_SKEW_SECONDS=${skewText} is not a whole number of seconds from 0 to 86400.`);
    else clockSkewSeconds = parsed;
  }

  const timeouts = { ...DEFAULT_TIMEOUTS };
  for (const [name, key] of [
    ['HEADERS_TIMEOUT_SECONDS', 'headers'],
    ['REQUEST_TIMEOUT_SECONDS', 'request'],
    ['KEEP_ALIVE_TIMEOUT_SECONDS', 'keepAlive'],
  ] as const) {
    const text = set(name);
    if (text === undefined) continue;
    const parsed = integer(text, 1, 3600);
    if (parsed === null) problems.push(`${name}=${text} is not a whole number of seconds from 1 to 3600.`);
    else timeouts[key] = parsed;
  }
  if (timeouts.headers > timeouts.request)
    problems.push(
      `HEADERS_TIMEOUT_SECONDS (${timeouts.headers}) must not be longer than REQUEST_TIMEOUT_SECONDS (${timeouts.request}): the headers are part of the request.`,
    );

  let sqliteMaxMegabytes: number | null = null;
  const maxText = set('SQLITE_MAX_MB');
  if (maxText !== undefined) {
    const parsed = integer(maxText, 1, 16_000_000);
    if (parsed === null) problems.push(`SQLITE_MAX_MB=${maxText} is not a whole number of megabytes (at least 1).`);
    else if (!database.startsWith('sqlite:')) problems.push('SQLITE_MAX_MB is for SQLite; DATABASE_URL is PostgreSQL.');
    else sqliteMaxMegabytes = parsed;
  }

  if (problems.length) throw new ConfigError(problems);
  return {
    options: {
      port,
      host: set('HOST') ?? '127.0.0.1',
      database,
      token,
      allowedOrigins,
      retentionDays,
      salt,
      trustProxy: trust,
      clockSkewSeconds,
      timeouts,
      sqliteMaxMegabytes,
    },
    notes,
  };
};
