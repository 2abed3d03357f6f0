import { describe, expect, it } from 'vitest';
import { defaultConfigDir, loadConfig } from './config.loader.ts';
import { analyticsConfigVersion, ConfigStore, createConfigSnapshot } from './config-snapshot.ts';

describe('createConfigSnapshot', () => {
  it('is frozen all the way down, and leaves the configuration it copies as it was', () => {
    const config = loadConfig(defaultConfigDir);
    const snapshot = createConfigSnapshot(config);
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot.indicators[1]!.targets.OST)).toBe(true);
    expect(Object.isFrozen(snapshot.project.importLimits)).toBe(true);
    expect(() => {
      (snapshot.indicators[1]!.targets.OST as Record<string, number>)['2022'] = 1;
    }).toThrow(TypeError);
    expect(() => (snapshot.communities as unknown[]).push({})).toThrow(TypeError);
    expect(Object.isFrozen(config.indicators)).toBe(false);
    config.indicators[1]!.targets.OST!['2022'] = 99;
    expect(snapshot.indicators[1]!.targets.OST!['2022']).not.toBe(99);
  });

  it('gives equal content the same version whatever its key order or folder, and other content another', () => {
    const config = loadConfig(defaultConfigDir);
    const first = createConfigSnapshot(config);
    const reordered = { ...config, source: '/elsewhere', project: Object.fromEntries(Object.entries(config.project).reverse()) as typeof config.project };
    expect(createConfigSnapshot(reordered).version).toBe(first.version);
    const edited = structuredClone(config);
    edited.indicators[1]!.targets.OST!['2022'] = 1;
    const second = createConfigSnapshot(edited);
    expect(second.version).not.toBe(first.version);
    expect(second.sectionVersions.indicators).not.toBe(first.sectionVersions.indicators);
    expect(second.sectionVersions.project).toBe(first.sectionVersions.project);
  });

  it('changes the analytics version for what the analytics are built from, not for the schedule', () => {
    const config = loadConfig(defaultConfigDir);
    const base = createConfigSnapshot(config);
    const schedule = structuredClone(config);
    schedule.schedule.jobs = [];
    expect(createConfigSnapshot(schedule).version).not.toBe(base.version);
    expect(analyticsConfigVersion(createConfigSnapshot(schedule))).toBe(analyticsConfigVersion(base));
    const target = structuredClone(config);
    target.indicators[0]!.baseline.ALL = 7;
    expect(analyticsConfigVersion(createConfigSnapshot(target))).not.toBe(analyticsConfigVersion(base));
  });
});

describe('ConfigStore', () => {
  it('publishes a new snapshot on a change and never touches the old one', () => {
    const store = new ConfigStore(loadConfig(defaultConfigDir));
    const old = store.current();
    const oldTarget = old.indicators[1]!.targets.OST!['2022'];
    const next = structuredClone(old) as typeof old;
    next.indicators[1]!.targets.OST!['2022'] = 1;
    const published = store.replace(next);
    expect(store.current()).toBe(published);
    expect(published).not.toBe(old);
    expect(published.version).not.toBe(old.version);
    expect(published.indicators[1]!.targets.OST!['2022']).toBe(1);
    expect(old.indicators[1]!.targets.OST!['2022']).toBe(oldTarget);
    expect(Object.isFrozen(published.indicators[1]!.targets.OST)).toBe(true);
  });

  it('keeps the current snapshot when the content is the same', () => {
    const store = new ConfigStore(loadConfig(defaultConfigDir));
    const old = store.current();
    expect(store.replace(structuredClone(old))).toBe(old);
  });
});
