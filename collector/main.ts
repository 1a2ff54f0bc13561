// `npm run collector`: the receipt collector, set up from the environment (docs/collector.md).
import { createCollector } from './collector';
import { ConfigError, readConfig } from './config';

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const collector = await createCollector(config.options);
for (const note of config.notes) collector.app.log.info(note);
await collector.start();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    collector.app.log.info(`${signal}: finishing the requests under way, then stopping.`);
    collector.close().then(
      () => process.exit(0),
      (error: unknown) => {
        collector.app.log.error({ err: error }, 'closing');
        process.exit(1);
      },
    );
  });
}
