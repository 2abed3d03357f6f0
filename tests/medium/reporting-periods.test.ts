// Reporting periods (issue 15): a period's figures within it and to its end, computed by hand on a
// small history; closing freezes them with a SHA-256 fingerprint; a later correction leaves the
// frozen version alone and shows as a restatement naming the rows that caused it; the figures "as
// of" the close moment equal the frozen ones; an edited frozen value or audit row fails verification.
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository, DomainError, PipelineService } from '@osl/backend';
import { AuditService } from '../../backend/src/services/audit.service.ts';
import { PeriodsService, type PeriodActor } from '../../backend/src/services/periods.service.ts';
import type { FrozenFigure, FrozenPeriod } from '../../backend/src/periods/frozen-period.ts';
import { canonicalJson } from '@osl/prisma';
import { importAndPublish, openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';
import { ImportService } from '../../backend/src/services/import.service.ts';

const environment = temporaryEnvironment('2023-01-10T10:00:00Z');
const fixtures = path.join(environment.dataDir, 'fixtures');
let context: INestApplicationContext;

const director: PeriodActor = { actor: 'dyrektor@test.osl', address: null, protectedView: false };
const auditor: PeriodActor = { actor: 'audytor@test.osl', address: null, protectedView: true };

const activityHeader = ['id', 'data', 'spolecznosc', 'typ', 'tytul', 'liczba_osob_bez_listy', 'inicjatywa_mieszkancow'];
const activities = [
  ['A1', '10.11.2021', 'OST', 'WARSZTAT', 'Warsztaty', '0', 'nie'],
  ['A2', '14.01.2022', 'OST', 'WARSZTAT', 'Warsztaty', '0', 'nie'],
  ['A3', '10.02.2022', 'OST', 'IMPREZA', 'Festyn', '0', 'nie'],
  ['A4', '15.03.2022', 'OST', 'AKCJA', 'Sprzątanie', '0', 'tak'],
  ['A5', '20.05.2022', 'WZG', 'ANIM_KULT', 'Kino', '5', 'nie'],
  ['A6', '05.07.2022', 'OST', 'WARSZTAT', 'Warsztaty', '0', 'nie'],
];

beforeAll(async () => {
  context = await openInstallation(environment);
  await importAndPublish(context, [
    writeCsv(fixtures, 'rejestr.csv', [
      ['kod', 'spolecznosc', 'lider', 'lider_od'],
      ['OST-1', 'OST', 'nie', ''],
      ['OST-2', 'OST', 'nie', ''],
      ['OST-3', 'OST', 'tak', '01.03.2022'],
      ['WZG-1', 'WZG', 'tak', '01.10.2021'],
      ['WZG-2', 'WZG', 'nie', ''],
      ['LAZ-1', 'LAZ', 'nie', ''],
    ]),
    writeCsv(fixtures, 'dziennik.csv', [activityHeader, ...activities]),
    writeCsv(fixtures, 'lista.csv', [
      ['id_dzialania', 'kod'],
      ['A1', 'OST-1'],
      ['A1', 'WZG-2'],
      ['A2', 'OST-1'],
      ['A2', 'OST-2'],
      ['A3', 'OST-1'],
      ['A3', 'OST-2'],
      ['A3', 'OST-3'],
      ['A4', 'OST-1'],
      ['A4', 'OST-3'],
      ['A5', 'WZG-1'],
      ['A5', 'WZG-2'],
      ['A6', 'OST-1'],
      ['A6', 'OST-2'],
      ['A6', 'LAZ-1'],
    ]),
    writeCsv(fixtures, 'ankiety.csv', [
      ['ankieta', 'data', 'spolecznosc', 'JAKOSC_ZYCIA'],
      ['ANK-ROCZNA', '10.04.2022', 'OST', '5'],
      ['ANK-ROCZNA', '11.04.2022', 'OST', '4'],
      ['ANK-ROCZNA', '12.04.2022', 'OST', '2'],
    ]),
  ]);
});

afterAll(async () => {
  await context?.get(PipelineService).importRunsSettled();
  await context?.close();
});

const periods = () => context.get(PeriodsService);
const db = () => context.get(DatabaseRepository).client;

/** value within the period and to its end, per indicator and scope ('' where the figure is absent) */
function table(figures: readonly FrozenFigure[]): Record<string, [number | null, number | null]> {
  return Object.fromEntries(figures.map((f) => [`${f.code} ${f.community}`, [f.valueWithin, f.valueCumulative]]));
}

let periodId = 0;
let closedAt: Date;
let firstFingerprint = '';
let firstFrozen: FrozenPeriod;

describe('a reporting period over a small history', () => {
  it('refuses a period that ends before it starts, saying which field', async () => {
    const refusal = await periods()
      .create({ name: 'WNP 3', from: '2022-06-30', to: '2022-01-01' }, director)
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).details.errors).toEqual([expect.objectContaining({ field: 'to', key: 'period.ends_before_start' })]);
    expect((refusal as DomainError).messageIn('pl')).toContain('popraw zaznaczone pola');
  });

  it('computes every indicator within the period and to its end as counted by hand', async () => {
    const created = await periods().create({ name: 'WNP 3', from: '2022-01-01', to: '2022-06-30' }, director);
    periodId = created.id;
    // Defining a period queues the run that computes its figures.
    await context.get(PipelineService).importRunsSettled();
    const detail = await periods().detail(periodId, director);
    const values = table(detail.current!.figures);
    // Within 2022-01-01 – 06-30: A2, A3, A4 (OST) and A5 (WZG); to its end also A1 (OST, 2021).
    // P1 persons by the community of the activity: within OST-1, OST-2, OST-3 | WZG-1, WZG-2; to the end OST adds WZG-2 (A1).
    expect(values['P1 ALL']).toEqual([5, 5]);
    expect(values['P1 OST']).toEqual([3, 4]);
    expect(values['P1 WZG']).toEqual([2, 2]);
    expect(values['P1 LAZ']).toEqual([0, 0]);
    // P2 animation, annual: A3, A5; to the end = 2022 up to 30 June, the same.
    expect(values['P2 ALL']).toEqual([2, 2]);
    // P3 education, cumulative: A2 within; A1 + A2 to the end.
    expect(values['P3 ALL']).toEqual([1, 2]);
    expect(values['P3 OST']).toEqual([1, 2]);
    // P4 AKCJA: A4.  R3 resident initiative: A4.
    expect(values['P4 ALL']).toEqual([1, 1]);
    expect(values['R3 ALL']).toEqual([1, 1]);
    // P5 leaders by home community: OST-3 named in the period; WZG-1 (2021) counts to its end.
    expect(values['P5 ALL']).toEqual([1, 2]);
    expect(values['P5 OST']).toEqual([1, 1]);
    expect(values['P5 WZG']).toEqual([0, 1]);
    // R1 ≥ 3 attendances in the year: OST-1 (A2, A3, A4).
    expect(values['R1 ALL']).toEqual([1, 1]);
    expect(values['R1 OST']).toEqual([1, 1]);
    // R2: 5, 4, 2 → 2 of 3 answers ≥ 4 = 66.7%.
    expect(values['R2 ALL']).toEqual([66.7, 66.7]);
    // The target at the period's end, as expected-to-date: P1 90 + (180 − 90) × 181/365.
    const p1 = detail.current!.figures.find((f) => f.code === 'P1' && f.community === 'ALL')!;
    expect(p1.target).toBeCloseTo(90 + (90 * 181) / 365, 1);
    expect(p1.status).toBe('not_achieved');
  });

  it('closes the period: figures, drill-down and data version frozen with a SHA-256 the trail records', async () => {
    closedAt = new Date();
    const version = await periods().close(periodId, director);
    expect(version.version).toBe(1);
    expect(version.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    firstFingerprint = version.fingerprint;
    const report = await periods().report(periodId, null, director);
    firstFrozen = report.content;
    expect(report.intact).toBe(true);
    expect(table(report.content.figures)['P1 ALL']).toEqual([5, 5]);
    expect(report.content.drillDown.activities.map((a) => a.activityId)).toEqual(['A2', 'A3', 'A4', 'A5']);
    expect(report.content.drillDown.activities.find((a) => a.activityId === 'A5')).toMatchObject({ named: 2, anonymous: 5, community: 'WZG' });
    expect(report.content.drillDown.persons.filter((p) => p.community === 'OST').map((p) => p.code)).toEqual(['OST-1', 'OST-2', 'OST-3']);
    expect(report.content.drillDown.leaders.map((l) => l.code).sort()).toEqual(['OST-3', 'WZG-1']);
    // Nothing identifying: codes only.
    expect(JSON.stringify(report.content)).not.toMatch(/imie|nazwisko|firstName|lastName/);
    await expect(periods().close(periodId, director)).rejects.toMatchObject({ key: 'period.already_closed' });
    await expect(periods().update(periodId, { name: 'WNP 3', from: '2022-01-01', to: '2022-05-31' }, director)).rejects.toMatchObject({
      key: 'period.closed_cannot_change',
    });
    const events = await db().auditEvent.findMany({ where: { entity: 'period', action: 'period.closed' } });
    expect(events.map((e) => (e.after as { fingerprint: string }).fingerprint)).toEqual([firstFingerprint]);
  });

  it('lets the auditor sign the version they saw, and only that one', async () => {
    await expect(periods().signOff(periodId, { verdict: 'accepted', fingerprint: 'f'.repeat(64) }, auditor)).rejects.toMatchObject({
      key: 'period.fingerprint_changed',
    });
    await expect(periods().signOff(periodId, { verdict: 'remarks', remarks: ' ', fingerprint: firstFingerprint }, auditor)).rejects.toMatchObject({
      key: 'period.remarks_required',
    });
    await periods().signOff(periodId, { verdict: 'accepted', fingerprint: firstFingerprint }, auditor);
    expect((await periods().detail(periodId, auditor)).state).toBe('accepted');
  });

  it('keeps the frozen version when a correction changes a figure, and names the rows that caused it', async () => {
    // A5 moved to July (out of the period); LAZ-1 added to A3's list.
    const corrected = activities.map((row) => (row[0] === 'A5' ? ['A5', '20.07.2022', 'WZG', 'ANIM_KULT', 'Kino', '5', 'nie'] : row));
    const reports = await context.get(ImportService).importPaths(
      [
        writeCsv(fixtures, 'dziennik-korekta.csv', [activityHeader, ...corrected]),
        writeCsv(fixtures, 'lista-korekta.csv', [
          ['id_dzialania', 'kod'],
          ['A3', 'LAZ-1'],
        ]),
      ],
      { source: 'cli', importedBy: 'organizator@test.osl' },
    );
    expect(reports.map((r) => r.status)).toEqual(['imported', 'imported']);
    await context.get(PipelineService).run('api', 'incremental');

    const report = await periods().report(periodId, 1, director);
    expect(report.fingerprint).toBe(firstFingerprint);
    expect(report.intact).toBe(true);
    expect(report.content).toEqual(firstFrozen);

    const detail = await periods().detail(periodId, director);
    expect(table(detail.reported!.figures)['P1 ALL']).toEqual([5, 5]);
    // Now: within A2, A3 (+ LAZ-1), A4 → OST-1, OST-2, OST-3, LAZ-1; WZG's A5 has left the period.
    expect(table(detail.current!.figures)['P1 ALL']).toEqual([4, 5]);
    expect(table(detail.current!.figures)['P2 ALL']).toEqual([1, 1]);
    const restatement = detail.restatement!;
    expect(restatement.differences.find((d) => d.code === 'P1' && d.community === 'ALL')).toMatchObject({
      reportedWithin: 5,
      currentWithin: 4,
      differenceWithin: -1,
      differenceCumulative: 0,
    });
    expect(restatement.drillDown.activities.map((a) => [a.activityId, a.change])).toEqual([
      ['A3', 'corrected'],
      ['A5', 'removed'],
    ]);
    const rows = restatement.changes.rows.map((r) => [r.kind, r.change, r.activityId, r.participantCode, r.fileName, r.sourceRow, r.importedBy]);
    expect(rows).toContainEqual(['activity', 'corrected', 'A5', null, 'dziennik-korekta.csv', 6, 'organizator@test.osl']);
    expect(rows).toContainEqual(['attendance', 'added', 'A3', 'LAZ-1', 'lista-korekta.csv', 2, 'organizator@test.osl']);
  });

  it('builds the figures as the data stood at the close, equal to the frozen ones', async () => {
    const then = await periods().figuresAt(periodId, closedAt, director);
    // The frozen form is in a canonical order; the same content, whatever order the build gives.
    const sorted = <T>(rows: readonly T[]) => [...rows].sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
    const byKey = (rows: readonly FrozenFigure[]) => Object.fromEntries(rows.map((f) => [`${f.code} ${f.community}`, f]));
    expect(byKey(then.figures)).toEqual(byKey(firstFrozen.figures));
    for (const list of ['activities', 'persons', 'regulars', 'leaders', 'surveyAnswers'] as const) {
      expect(sorted<unknown>(then.drillDown[list])).toEqual(sorted<unknown>(firstFrozen.drillDown[list]));
    }
    const now = await periods().figuresAt(periodId, new Date(), director);
    expect(table(now.figures)['P1 ALL']).toEqual([4, 5]);
  });

  it('accepts the restatement as a new version and keeps the first on record', async () => {
    await periods().acceptRestatement(periodId, 'Korekta dat zajęć A5', director);
    const summary = (await periods().list()).find((p) => p.id === periodId)!;
    expect(summary.versions.map((v) => [v.version, v.endReason])).toEqual([
      [1, 'restated'],
      [2, null],
    ]);
    expect(summary.state).toBe('closed');
    expect(summary.inForce!.fingerprint).not.toBe(firstFingerprint);
    expect((await periods().detail(periodId, director)).restatement).toBeNull();
    expect((await periods().report(periodId, 1, director)).fingerprint).toBe(firstFingerprint);
  });

  it('reopens only with a reason', async () => {
    await expect(periods().reopen(periodId, '  ', director)).rejects.toMatchObject({ key: 'period.reason_required' });
    await periods().reopen(periodId, 'Błąd w liście obecności A2', director);
    expect((await periods().detail(periodId, director)).state).toBe('open');
    const events = await db().auditEvent.findMany({ where: { entity: 'period' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['period.created', 'period.closed', 'period.signed', 'period.restated', 'period.reopened']);
  });

  it('fails verification when a frozen value or an audit row is edited', async () => {
    expect((await periods().verifyFrozen()).intact).toBe(true);
    const version = await db().periodVersion.findFirstOrThrow({ where: { periodId, version: 1 } });
    const edited = version.frozen.replace('"valueWithin":5', '"valueWithin":6');
    expect(edited).not.toBe(version.frozen);
    await db().periodVersion.update({ where: { id: version.id }, data: { frozen: edited } });
    expect((await periods().verifyFrozen()).broken).toEqual([{ periodId, name: 'WNP 3', version: 1, problem: 'fingerprint' }]);
    // Recomputing the fingerprint does not help: the trail recorded the first one.
    const { fingerprintOf } = await import('../../backend/src/periods/frozen-period.ts');
    await db().periodVersion.update({ where: { id: version.id }, data: { fingerprint: fingerprintOf(edited) } });
    expect((await periods().verifyFrozen()).broken).toEqual([{ periodId, name: 'WNP 3', version: 1, problem: 'trail_differs' }]);
    await db().periodVersion.update({ where: { id: version.id }, data: { frozen: version.frozen, fingerprint: version.fingerprint } });
    expect((await periods().verifyFrozen()).intact).toBe(true);

    const closing = await db().auditEvent.findFirstOrThrow({ where: { entity: 'period', action: 'period.closed' } });
    await db().auditEvent.update({ where: { id: closing.id }, data: { after: { version: 1, fingerprint: fingerprintOf(edited) } } });
    const chain = await context.get(AuditService).verifyChain();
    expect(chain.intact).toBe(false);
    expect(chain.firstBroken).toMatchObject({ id: closing.id, reason: 'content-changed' });
  });
});
