// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { describeCollector, describeCrashSafety } from './collector.testing';

const dir = mkdtempSync(join(tmpdir(), 'shopconsent-sqlite-'));
let files = 0;
const database = async () => `sqlite:${join(dir, `receipts-${++files}.db`)}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('collector on SQLite', () => {
  describeCollector(database);
  describeCrashSafety(database);
});
