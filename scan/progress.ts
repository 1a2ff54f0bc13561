import type { Progress } from './scan';

const PASS_NUMBER = { 'before-decision': 1, 'after-reject': 2, 'after-accept': 3 } as const;
const WIDTH = 20;

/** One line: the pass, a bar of pages done against pages known, the queue, the page being opened. */
export const progressLine = ({ pass, done, queued, url }: Progress, columns: number): string => {
  const total = done + queued + (url ? 1 : 0);
  const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
  const line = `pass ${PASS_NUMBER[pass]}/3 [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done} done, ${queued} queued ${url}`;
  return line.length > columns ? `${line.slice(0, columns - 1)}…` : line;
};

/** Redraws the line in place on a terminal; elsewhere (CI logs) prints one line when a pass starts. */
export const progressReporter = (stream: NodeJS.WriteStream): ((progress: Progress) => void) => {
  let lastPass = '';
  return (progress) => {
    if (stream.isTTY) {
      stream.write(`\r\u001b[2K${progressLine(progress, stream.columns || 80)}`);
      if (!progress.url) stream.write('\n');
    } else if (progress.pass !== lastPass && progress.url) {
      stream.write(`pass ${PASS_NUMBER[progress.pass]}/3: ${progress.pass}\n`);
    }
    lastPass = progress.pass;
  };
};
