import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export const TOKEN = 'test-token-0123456789abcdef';
const root = new URL('..', import.meta.url).pathname;

/** `npm run collector` as a real process, on its own port; resolves once it listens. */
export const startProcess = (env: Record<string, string>) =>
  new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'collector/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', COLLECTOR_TOKEN: TOKEN, RETENTION_DAYS: '30', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      output += `${line}\n`;
      const listening = /Server listening at (http:\S+?)"/.exec(line);
      if (listening) resolve({ child, url: listening[1] });
    });
    child.once('exit', (code, signal) => reject(new Error(`the collector stopped (${code ?? signal}):\n${output}`)));
  });
