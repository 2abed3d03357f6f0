export * from './config/config.schema.ts';
export { loadConfig, resolveConfigDir, defaultConfigDir, configFiles, ConfigError } from './config/config.loader.ts';
