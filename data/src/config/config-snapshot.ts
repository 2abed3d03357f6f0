import { createHash } from 'node:crypto';
import type { OslConfig } from './config.schema.ts';

/** The parts of the configuration, each with its own content hash in a snapshot. */
export const configSections = ['project', 'communities', 'activityTypes', 'indicators', 'surveys', 'schedule', 'decline', 'periods'] as const;
export type ConfigSection = (typeof configSections)[number];

/**
 * One version of the whole configuration: the files as validated, with what operators edited
 * (targets and baselines) laid over them. Deeply frozen: a change makes a new snapshot, so a
 * reader holding this one keeps a consistent view for as long as it needs it.
 */
export type ConfigSnapshot = OslConfig & {
  /** Content hash of every section (not of `source`, the folder it was read from). */
  readonly version: string;
  /** Content hash of each section, so a consumer can tell which part changed. */
  readonly sectionVersions: Readonly<Record<ConfigSection, string>>;
};

/** A deeply frozen copy of `config` with its version; `config` itself is left as it was. */
export function createConfigSnapshot(config: OslConfig): ConfigSnapshot {
  const { version: _version, sectionVersions: _sections, ...content } = config as Partial<ConfigSnapshot> & OslConfig;
  const copy = structuredClone(content) as OslConfig;
  const sectionVersions = Object.fromEntries(configSections.map((section) => [section, contentHash(copy[section])])) as Record<ConfigSection, string>;
  const version = contentHash(configSections.map((section) => sectionVersions[section]));
  return deepFreeze({ ...copy, version, sectionVersions });
}

/**
 * Version of the sections the analytics store is built from (all but the schedule): a published
 * state made under another one is rebuilt in full rather than updated incrementally.
 */
export function analyticsConfigVersion(snapshot: ConfigSnapshot): string {
  return contentHash(configSections.filter((section) => section !== 'schedule').map((section) => snapshot.sectionVersions[section]));
}

/**
 * Holds the current snapshot. Readers call `current()` each time they need the configuration
 * (never keep a field of it across requests); `replace` publishes a new snapshot and never touches
 * the one it replaces.
 */
export class ConfigStore {
  private snapshot: ConfigSnapshot;

  constructor(initial: OslConfig) {
    this.snapshot = isSnapshot(initial) ? initial : createConfigSnapshot(initial);
  }

  current(): ConfigSnapshot {
    return this.snapshot;
  }

  /** Publishes `next` (a snapshot is made of it); the same content keeps the current snapshot and its version. */
  replace(next: OslConfig): ConfigSnapshot {
    const snapshot = isSnapshot(next) ? next : createConfigSnapshot(next);
    if (snapshot.version !== this.snapshot.version || snapshot.source !== this.snapshot.source) this.snapshot = snapshot;
    return this.snapshot;
  }
}

function isSnapshot(config: OslConfig): config is ConfigSnapshot {
  return Object.isFrozen(config) && typeof (config as Partial<ConfigSnapshot>).version === 'string';
}

/** JSON with sorted keys: two equal objects give the same text whatever their key order. */
export function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
    ) ?? 'null'
  );
}

/** SHA-256 of the content's stable JSON, so equal content gives equal versions whatever its key order. */
function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 16);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
