// `npm start` runs this before the collector: six weeks of generated decisions for the five demo shops, so
// that /dashboard shows something on the first run. Every receipt is marked generated (stats/generate.ts);
// a second run leaves the data as it is.
import { seedDemoDecisions } from './stats/seed';
import { openStore } from './store/open';

const DAYS = 42;
const database = process.env.DATABASE_URL ?? 'sqlite:./data/demo-receipts.db';

const store = await openStore(database, (error) => console.error(error));
try {
  await store.rollup.backfill();
  const written = await seedDemoDecisions(store, Date.now(), DAYS);
  console.log(
    written
      ? `Demo data: ${written} generated decisions over ${DAYS} days for the five demo shops.`
      : 'Demo data: the generated decisions are already there.',
  );
} finally {
  await store.close();
}
