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

/** A database that cannot be reached or a port already taken: one line saying so, not a stack trace. */
const refuse = (error: unknown): never => {
  console.error(`The collector cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
};

const collector = await createCollector(config.options).catch(refuse);
for (const note of config.notes) collector.app.log.info(note);
await collector.start().catch(refuse);

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
