// @vitest-environment node
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_RETENTION_DAYS, readConfig } from './config';

const problems = (env: NodeJS.ProcessEnv) => {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('readConfig', () => {
  it('runs with nothing set: port 8787 on this machine only, SQLite in ./data, reading disabled, and says so', () => {
    const { options, notes } = readConfig({});
    expect(options).toEqual({
      port: 8787,
      host: '127.0.0.1',
      database: 'sqlite:./data/receipts.db',
      token: null,
      allowedOrigins: [],
      retentionDays: DEFAULT_RETENTION_DAYS,
      salt: null,
      trustProxy: false,
      clockSkewSeconds: 300,
      timeouts: { headers: 10, request: 20, keepAlive: 72 },
      sqliteMaxMegabytes: null,
    });
    expect(notes.join('\n')).toMatch(/DATABASE_URL is not set.*SQLite/);
    expect(notes.join('\n')).toMatch(/RETENTION_DAYS is not set: receipts are kept 1095 days/);
  });

  it('reads every variable', () => {
    const { options, notes } = readConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://collector:secret@db.internal:5432/receipts',
      COLLECTOR_TOKEN: 'a-long-enough-token-1234',
      ALLOWED_ORIGINS: 'https://www.shop.lv, https://shop.lv/',
      RETENTION_DAYS: '730',
      COLLECTOR_SALT: 'pepper-pepper-pepper',
      TRUST_PROXY: '127.0.0.1, 10.0.0.0/8',
      CLOCK_SKEW_SECONDS: '60',
      HEADERS_TIMEOUT_SECONDS: '5',
      REQUEST_TIMEOUT_SECONDS: '15',
      KEEP_ALIVE_TIMEOUT_SECONDS: '65',
    });
    expect(options).toEqual({
      port: 9000,
      host: '0.0.0.0',
      database: 'postgres://collector:secret@db.internal:5432/receipts',
      token: 'a-long-enough-token-1234',
      allowedOrigins: ['https://www.shop.lv', 'https://shop.lv'],
      retentionDays: 730,
      salt: 'pepper-pepper-pepper',
      trustProxy: ['127.0.0.1', '10.0.0.0/8'],
      clockSkewSeconds: 60,
      timeouts: { headers: 5, request: 15, keepAlive: 65 },
      sqliteMaxMegabytes: null,
    });
    expect(notes).toEqual([]);
    expect(readConfig({ ALLOWED_ORIGINS: '*', TRUST_PROXY: 'true' }).options).toMatchObject({
      allowedOrigins: '*',
      trustProxy: true,
    });
    expect(readConfig({ DATABASE_URL: 'sqlite:/var/lib/consent/receipts.db' }).options.database).toBe(
      'sqlite:/var/lib/consent/receipts.db',
    );
    expect(readConfig({ SQLITE_MAX_MB: '2048' }).options.sqliteMaxMegabytes).toBe(2048);
  });

  it.each([
    [{ PORT: '80a' }, /PORT=80a/],
    [{ PORT: '70000' }, /PORT=70000/],
    [{ DATABASE_URL: 'mysql://db/receipts' }, /DATABASE_URL must start with postgres:\/\//],
    [{ COLLECTOR_TOKEN: 'secret' }, /COLLECTOR_TOKEN must be at least 16 characters/],
    [{ COLLECTOR_TOKEN: 'a token with spaces in it' }, /without spaces/],
    [{ ALLOWED_ORIGINS: 'https://www.shop.lv/consent' }, /https:\/\/www.shop.lv\/consent is not an origin/],
    [{ ALLOWED_ORIGINS: 'www.shop.lv' }, /www.shop.lv is not an origin/],
    [{ RETENTION_DAYS: 'forever' }, /RETENTION_DAYS=forever/],
    [{ RETENTION_DAYS: '0' }, /RETENTION_DAYS=0/],
    [{ RETENTION_DAYS: '1.5' }, /RETENTION_DAYS=1.5/],
    [{ COLLECTOR_SALT: 'short' }, /COLLECTOR_SALT must be at least 16/],
    [{ TRUST_PROXY: 'the load balancer' }, /TRUST_PROXY/],
    [{ CLOCK_SKEW_SECONDS: '-5' }, /CLOCK_SKEW_SECONDS=-5/],
    [{ HEADERS_TIMEOUT_SECONDS: '0' }, /HEADERS_TIMEOUT_SECONDS=0/],
    [{ KEEP_ALIVE_TIMEOUT_SECONDS: 'long' }, /KEEP_ALIVE_TIMEOUT_SECONDS=long/],
    [
      { HEADERS_TIMEOUT_SECONDS: '30', REQUEST_TIMEOUT_SECONDS: '20' },
      /must not be longer than REQUEST_TIMEOUT_SECONDS/,
    ],
    [{ SQLITE_MAX_MB: 'half' }, /SQLITE_MAX_MB=half/],
    [{ SQLITE_MAX_MB: '100', DATABASE_URL: 'postgres://db/receipts' }, /SQLITE_MAX_MB is for SQLite/],
  ])('refuses %o, naming the variable', (env, message) => {
    const found = problems(env);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('lists every problem at once', () => {
    expect(problems({ PORT: 'x', RETENTION_DAYS: 'y', COLLECTOR_TOKEN: 'z' })).toHaveLength(3);
  });
});

describe('npm run collector', () => {
  it('does not start with a bad setting, and says which', { timeout: 30_000 }, async () => {
    const started = promisify(execFile)(process.execPath, ['--import', 'tsx', 'collector/main.ts'], {
      cwd: new URL('..', import.meta.url).pathname,
      env: { ...process.env, RETENTION_DAYS: 'forever', DATABASE_URL: 'sqlite:/nonexistent/never-created.db' },
    });
    await expect(started).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot start:\n.*RETENTION_DAYS=forever/),
    });
  });
});
