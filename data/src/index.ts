export * from './config/config.schema.ts';
export { loadConfig, resolveConfigDir, defaultConfigDir, configFiles, ConfigError } from './config/config.loader.ts';
export {
  createConfigSnapshot,
  analyticsConfigVersion,
  stableJson,
  ConfigStore,
  configSections,
  type ConfigSnapshot,
  type ConfigSection,
} from './config/config-snapshot.ts';
// Words for codes (statuses, units, audit actions…) in both languages, and the audit trail's change lines.
export * from './labels/index.ts';
