import type { PeriodsService } from './periods.service.ts';
import { describe, expect, it } from 'vitest';
import { AuditService, auditCsv, maskPersonalNames, type AuditNames } from './audit.service.ts';
import type { ConfigurationService } from './configuration.service.ts';
import type { AuditEventRecord, AuditQueryRepository, AuditRepository } from '../repositories/audit.repository.ts';

const participantChange: AuditEventRecord = {
  id: 7,
  at: new Date('2022-10-17T08:30:00Z'),
  actor: 'organizator@demo.osl',
  action: 'participant.updated',
  entity: 'participant',
  entityId: 'OST-0042',
  // As an older writer might have stored it: the names themselves.
  before: { firstName: 'Anna', lastName: 'Kowalska', nameKey: 'anna kowalska', birthYear: 1950 },
  after: { firstName: 'Anna', lastName: 'Nowak', nameKey: 'anna nowak', birthYear: 1951, nested: [{ lastName: 'Zięba' }] },
  address: '127.0.0.1',
};

describe('maskPersonalNames', () => {
  it('shows a name field only as changed, at any depth, and keeps every other field', () => {
    const masked = maskPersonalNames(participantChange);
    expect(masked.before).toEqual({ firstName: '(zmieniono)', lastName: '(zmieniono)', nameKey: '(zmieniono)', birthYear: 1950 });
    expect(masked.after).toEqual({
      firstName: '(zmieniono)',
      lastName: '(zmieniono)',
      nameKey: '(zmieniono)',
      birthYear: 1951,
      nested: [{ lastName: '(zmieniono)' }],
    });
    expect(masked.entityId).toBe('OST-0042');
    expect(JSON.stringify(masked)).not.toMatch(/Anna|Kowalska|Nowak|Zięba/);
  });

  it('leaves events without objects as they are', () => {
    const event = { ...participantChange, before: null, after: 'text' };
    expect(maskPersonalNames(event)).toEqual(event);
  });
});

const names: AuditNames = {
  communities: [{ code: 'OST', name: 'Ostrówek' }],
  activityTypes: [{ code: 'ANIM_KULT', namePl: 'animacja kulturalna', nameEn: 'cultural animation' }],
} as unknown as AuditNames;

const accountChange: AuditEventRecord = {
  ...participantChange,
  id: 8,
  actor: 'admin@demo.osl',
  action: 'user.updated',
  entity: 'user',
  entityId: '3',
  before: { role: 'auditor', communities: [], disabled: false },
  after: { role: 'organizer', communities: ['OST'], disabled: false },
};

describe('auditCsv', () => {
  const csv = auditCsv(
    [participantChange],
    { exportedBy: 'audytor@demo.osl', exportedAt: new Date('2026-01-01T00:00:00Z'), filter: 'entity=participant' },
    names,
  );

  it('is for Polish Excel: BOM, semicolons, CRLF, headers in Polish, times in Europe/Warsaw', () => {
    expect(csv.startsWith('\uFEFF#')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const header = csv.split('\r\n')[1];
    expect(header.split(';')).toHaveLength(8);
    expect(header).toBe('Id;Kiedy;Kto;Czynność;Obiekt;Id obiektu;Zmiany;Adres IP');
    // 08:30 UTC on 17 October 2022 is 10:30 in Warsaw (summer time); the export at midnight UTC on New Year's Day is 01:00.
    expect(csv.split('\r\n')[2]).toMatch(/^7;17\.10\.2022 10:30;organizator@demo\.osl;Poprawiono dane uczestnika;uczestnik;OST-0042;/);
    expect(csv.split('\r\n')[0]).toContain('01.01.2026 01:00');
  });

  it('words the changes as the trail’s page does, "Temat: stary → nowy", never as JSON or field names', () => {
    const stored = { ...participantChange, after: { firstName: 'Anna', lastName: 'Nowak', nameKey: 'anna nowak', birthYear: 1951 } };
    const row = auditCsv([stored], { exportedBy: 'a@b', exportedAt: new Date(), filter: '' }, names).split('\r\n')[2];
    expect(row).toContain('Imię: zmieniono (nie pokazujemy) → zmieniono (nie pokazujemy)');
    expect(row).toContain(' | Rok urodzenia: 1950 → 1951');
    expect(row).not.toMatch(/[{}"]|firstName|birthYear/);
    const account = auditCsv([accountChange], { exportedBy: 'a@b', exportedAt: new Date(), filter: '' }, names).split('\r\n')[2];
    expect(account.split(';')[6]).toBe('Rola: audytor → organizator | Społeczności: — → Ostrówek');
    const english = auditCsv([accountChange], { exportedBy: 'a@b', exportedAt: new Date(), filter: '' }, names, 'en').split('\r\n')[2];
    expect(english).toContain(';Account details changed;account;3;Role: auditor → organizer | Communities: — → Ostrówek;');
  });

  it('speaks English when asked, with the same cells', () => {
    const english = auditCsv([participantChange], { exportedBy: 'a@b', exportedAt: new Date('2026-07-01T12:00:00Z'), filter: '' }, names, 'en');
    expect(english.split('\r\n')[1]).toBe('Id;When;Who;Action;Entity;Entity id;Changes;IP address');
    expect(english.split('\r\n')[0]).toBe('\uFEFF# OSL Monitor — audit trail — Exported by: a@b, 01.07.2026 14:00 — filter: —');
  });

  it('never holds a participant’s name', () => {
    expect(csv).not.toMatch(/Anna|Kowalska|Nowak|Zięba/);
    expect(csv).toContain('OST-0042');
  });
});

describe('AuditService.list', () => {
  const service = (events: AuditEventRecord[]) =>
    new AuditService(
      { list: async () => ({ total: events.length, events }) } as unknown as AuditQueryRepository,
      {} as unknown as AuditRepository,
      {} as unknown as ConfigurationService,
      {} as unknown as PeriodsService,
    );

  it('masks names for a reader who may not see them (the auditor), and leaves the director’s page as stored', async () => {
    const filter = { limit: 10, offset: 0 };
    const auditor = await service([participantChange]).list(filter, false);
    expect(JSON.stringify(auditor.events)).not.toMatch(/Kowalska|Nowak/);
    expect(auditor.total).toBe(1);
    const director = await service([participantChange]).list(filter, true);
    expect(director.events[0].after).toEqual(participantChange.after);
  });
});
