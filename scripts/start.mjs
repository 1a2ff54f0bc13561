// `npm start`: builds the widget, then serves the demo (Vite, http://localhost:5173) next to a receipt
// collector (http://localhost:8787, its own SQLite file under data/), so that the demo shops send their
// receipts and the playground shows what reached it. The collector's dashboard
// (http://localhost:8787/dashboard, sign in with the token below) starts with six weeks of generated
// decisions for the five demo shops, marked as generated. Ctrl+C stops both.
import { execFileSync, spawn } from 'node:child_process';

const COLLECTOR = 'http://localhost:8787';
// A local demo's token, shown to the playground page so that it can read the receipts back. A shop's
// collector gets a secret one and never hands it to a page (docs/collector.md).
const TOKEN = 'demo-playground-token';

const DATABASE_URL = 'sqlite:./data/demo-receipts.db';

execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
execFileSync('npx', ['tsx', 'collector/seed-demo.ts'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL } });

const children = [
  spawn('npx', ['tsx', 'collector/main.ts'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: '8787',
      DATABASE_URL,
      COLLECTOR_TOKEN: TOKEN,
      ALLOWED_ORIGINS: 'http://localhost:5173,http://127.0.0.1:5173',
    },
  }),
  spawn('npx', ['vite', '--mode', 'demo'], {
    stdio: 'inherit',
    env: { ...process.env, SHOPCONSENT_DEMO_COLLECTOR: COLLECTOR, SHOPCONSENT_DEMO_TOKEN: TOKEN },
  }),
];
const stop = (code) => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
