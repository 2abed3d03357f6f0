import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  auditActionFamilies,
  auditActionLabel,
  auditActionLabels,
  auditActions,
  auditActorLabel,
  auditActorLabels,
  auditEntityLabels,
  auditFieldLabels,
} from './audit-labels';

const POLISH_LETTERS = /[ąćęłńóśźż]/i;
const backend = path.resolve(__dirname, '../../../../backend/src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/**
 * The actions the backend records: every literal shaped like an action ('family.verb-words') that
 * is not a message key, and `<entity>.updated` of each kind written through auditedUpsert.
 */
function backendActions(): Set<string> {
  const files = sources(backend);
  const messageKeys = new Set(
    files.filter((f) => /messages\.ts$/.test(f)).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^\s*'([a-z_.-]+)':/gm)].map((m) => m[1])),
  );
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, literal] of text.matchAll(
      /'((?:auth|user|import|config|pipeline|download|export|activity|attendance|participant|audit|recording|period)\.[a-z]+(?:-[a-z]+)*)'/g,
    )) {
      if (!messageKeys.has(literal)) found.add(literal);
    }
    // Any action written out as such, whatever its family.
    for (const [, literal] of text.matchAll(/\baction: '([a-z]+\.[a-z]+(?:-[a-z]+)*)'/g)) if (!messageKeys.has(literal)) found.add(literal);
    if (text.includes('auditedUpsert<')) for (const [, entity] of text.matchAll(/entity: '([a-zA-Z]+)'/g)) found.add(`${entity}.updated`);
  }
  return found;
}

describe('audit action labels', () => {
  it('word every action the backend records, and nothing it does not', () => {
    const recorded = backendActions();
    expect(recorded.size).toBeGreaterThan(15);
    expect([...recorded].sort()).toEqual([...auditActions].sort());
  });

  it('are worded in both languages: Polish with its letters where needed, English without, none alike', () => {
    for (const map of [auditActionLabels, auditEntityLabels, auditFieldLabels, auditActionFamilies, auditActorLabels] as const) {
      const seen = { pl: new Set<string>(), en: new Set<string>() };
      for (const [code, label] of Object.entries(map) as [string, { pl: string; en: string }][]) {
        expect(label.pl.trim(), code).not.toBe('');
        expect(label.en, code).not.toMatch(POLISH_LETTERS);
        if (map !== auditFieldLabels) {
          expect(seen.pl.has(label.pl), `${code} pl`).toBe(false);
          expect(seen.en.has(label.en), `${code} en`).toBe(false);
        }
        seen.pl.add(label.pl);
        seen.en.add(label.en);
      }
    }
    expect(auditActionLabels['import.imported'].pl).toBe('Zaimportowano plik');
    expect(auditActorLabel('system', 'pl')).toBe('system (automatycznie)');
    expect(auditActorLabel('dyrektor@demo.osl', 'pl')).toBe('dyrektor@demo.osl');
  });

  it('call a change of an indicator’s targets by its name, and an unknown action "other", never its code', () => {
    expect(auditActionLabel({ action: 'config.updated', entity: 'indicator', after: { targets: { ALL: { 2022: 5 } } } }, 'pl')).toBe('Zmieniono cele');
    expect(auditActionLabel({ action: 'config.updated', entity: 'community', after: { name: 'X' } }, 'pl')).toBe('Zmieniono konfigurację');
    expect(auditActionLabel({ action: 'survey.deleted', entity: 'survey' }, 'pl')).toBe('Inna czynność');
    expect(auditActionLabel({ action: 'survey.deleted', entity: 'survey' }, 'en')).toBe('Other action');
  });
});
