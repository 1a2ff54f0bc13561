export { type Collector, createCollector } from './collector';
export { type CollectorOptions, ConfigError, readConfig } from './config';
