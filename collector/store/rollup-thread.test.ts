// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStore } from './open';
import { ROLLUP_NICE, rollupThread } from './rollup-thread';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The nice value of each thread of this process (field 19 of /proc/self/task/<tid>/stat). */
const niceValues = () =>
  readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the fields after it are plain.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });

it.runIf(process.platform === 'linux')(
  'counts on threads that give way to the writer on a busy machine, the rest of the collector unchanged',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopconsent-rollup-thread-'));
    dirs.push(dir);
    const file = join(dir, 'receipts.db');
    await (await openStore(`sqlite:${file}`, () => undefined)).close();
    const before = niceValues();
    expect(before).not.toContain(ROLLUP_NICE);

    const thread = rollupThread(file);
    try {
      const read = await thread.call('read', { from: '2026-01-01', to: '2026-01-31', shop: null });
      expect(read.days).toEqual([]);
      const after = niceValues();
      expect(after.filter((nice) => nice === ROLLUP_NICE)).toHaveLength(1);
      expect(after.filter((nice) => nice !== ROLLUP_NICE).every((nice) => nice === before[0])).toBe(true);
    } finally {
      await thread.close();
    }
  },
);
