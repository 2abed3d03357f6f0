// Recording without Excel (issue 14): an activity and who came, entered through the form, goes the
// way of an imported file — the activities and attendance kinds' validators, one import batch of
// source `form` naming who entered it and when, the audit trail, and the incremental run an import
// asks for — and a correction replaces the activity's list, in the figures too.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseRepository, DomainError, PipelineService } from '@osl/backend';
import { AnalyticsRepository } from '../../backend/src/repositories/analytics.repository.ts';
import { RecordingService, type Recorder } from '../../backend/src/services/recording.service.ts';
import type { RecordingInput } from '../../backend/src/recording/recording-form.ts';
import { importAndPublish, openInstallation, temporaryEnvironment, writeCsv } from '../support/installation.ts';

const environment = temporaryEnvironment('2023-06-15T10:00:00Z');
const fixtures = path.join(environment.dataDir, 'fixtures');
let context: INestApplicationContext;

const organizerOst: Recorder = { email: 'organizator@test.osl', role: 'organizer', communities: ['OST'], scope: 'assigned' };
const organizerLaz: Recorder = { email: 'organizator.laz@test.osl', role: 'organizer', communities: ['LAZ'], scope: 'assigned' };

beforeAll(async () => {
  context = await openInstallation(environment);
  await importAndPublish(context, [
    writeCsv(fixtures, 'rejestr.csv', [
      ['kod', 'spolecznosc', 'imie', 'nazwisko'],
      ['OST-1', 'OST', 'Anna', 'Kowalska'],
      ['OST-2', 'OST', 'Jan', 'Nowak'],
      ['OST-3', 'OST', 'Ewa', 'Lis'],
      ['LAZ-1', 'LAZ', 'Zofia', 'Wójcik'],
    ]),
    writeCsv(fixtures, 'dziennik.csv', [
      ['id', 'data', 'spolecznosc', 'typ', 'tytul'],
      ['K1', '14.01.2022', 'OST', 'WARSZTAT', 'Warsztaty'],
      ['L1', '14.01.2022', 'LAZ', 'WARSZTAT', 'Warsztaty'],
    ]),
    writeCsv(fixtures, 'lista.csv', [
      ['id_dzialania', 'kod'],
      ['K1', 'OST-1'],
      ['L1', 'LAZ-1'],
    ]),
  ]);
});

afterAll(async () => {
  await context?.get(PipelineService).importRunsSettled();
  await context?.close();
});

const db = () => context.get(DatabaseRepository).client;
const recording = () => context.get(RecordingService);

function input(overrides: Partial<RecordingInput> = {}): RecordingInput {
  return {
    date: '2022-03-10',
    type: 'WARSZTAT',
    title: 'Warsztaty kulinarne',
    headcountAnonymous: 3,
    residentInitiative: true,
    participants: ['OST-2', 'OST-3'],
    ...overrides,
  };
}

async function stored() {
  const [batches, activities, attendances, audit] = await Promise.all([
    db().importBatch.count(),
    db().activity.count(),
    db().attendance.count(),
    db().auditEvent.count(),
  ]);
  return { batches, activities, attendances, audit };
}

async function march(community = 'OST') {
  return (await context.get(AnalyticsRepository).participationByMonth(community)).find((m) => m.period === '2022-03');
}

/** The refusal's field errors (field, value, code), and its message. */
async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const domain = error as DomainError;
  const errors = domain.details.errors as { field: string; value: string | null; code: string; message: string }[];
  return { kind: domain.kind, key: domain.key, errors };
}

async function factAttendance(activityExternalId: string): Promise<string[]> {
  const pointer = JSON.parse(fs.readFileSync(path.join(environment.dataDir, 'analytics', 'CURRENT.json'), 'utf8'));
  const instance = await DuckDBInstance.create(path.join(environment.dataDir, 'analytics', pointer.file), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(
    `SELECT t.participant_code FROM fact_attendance t JOIN fact_activity a USING (activity_id) WHERE a.external_id = $1 ORDER BY 1`,
    [activityExternalId],
  );
  const codes = reader.getRowObjectsJson().map((row) => String(row.participant_code));
  connection.closeSync();
  instance.closeSync();
  return codes;
}

describe('recording an activity through the form', () => {
  let externalId = '';

  it('writes one import batch of source form with who entered it, traceable rows, an audit entry, and queues a run whose figures hold it', async () => {
    expect(await march()).toMatchObject({ activities: 0, attendances: 0 });
    const runsBefore = await db().pipelineRun.count();

    const result = await recording().record('OST', input(), organizerOst, 'pl');
    expect(result).toMatchObject({ status: 'imported', created: 1, added: ['OST-2', 'OST-3'], removed: [] });
    expect(result.externalId).toBe('OST/2022/F001');
    expect(result.refresh?.status).toMatch(/queued|running|shown/);

    const batch = await db().importBatch.findUniqueOrThrow({ where: { id: result.batchId! } });
    expect(batch).toMatchObject({ source: 'form', importedBy: 'organizator@test.osl', kind: 'activities', status: 'imported', rowsRead: 3, rowsWritten: 3 });
    expect(batch.createdAt.getTime()).toBeGreaterThan(0);
    const activity = await db().activity.findUniqueOrThrow({ where: { externalId: result.externalId }, include: { attendances: true } });
    expect(activity).toMatchObject({
      date: '2022-03-10',
      title: 'Warsztaty kulinarne',
      headcountAnonymous: 3,
      residentInitiative: true,
      importBatchId: batch.id,
    });
    expect(activity.attendances.map((a) => a.importBatchId)).toEqual([batch.id, batch.id]);
    const audit = await db().auditEvent.findMany({ where: { entity: 'importBatch', entityId: String(batch.id) } });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['import.imported', 'organizator@test.osl']]);

    await context.get(PipelineService).importRunsSettled();
    const runs = await db().pipelineRun.findMany({ where: { id: { gt: runsBefore } }, orderBy: { id: 'asc' } });
    expect(runs.map((r) => [r.trigger, r.mode, r.status])).toEqual([['import', 'incremental', 'succeeded']]);
    expect(await march()).toMatchObject({ activities: 1, namedAttendances: 2, anonymousAttendances: 3, attendances: 5 });
    expect((await recording().refreshOf(batch.id)).status).toBe('shown');
    externalId = result.externalId;
  });

  it('a correction replaces the attendance list (in the database and, after the run, in the figures), audited', async () => {
    const before = await recording().activity('OST', externalId);
    expect(before.participants).toEqual(['OST-2', 'OST-3']);
    const firstBatch = before.source.batchId;

    const result = await recording().record('OST', input({ externalId, participants: ['OST-1', 'OST-2'], headcountAnonymous: 0 }), organizerOst, 'pl');
    expect(result).toMatchObject({ status: 'imported', externalId, created: 0, updated: 1, added: ['OST-1'], removed: ['OST-3'] });
    const rows = await db().attendance.findMany({ where: { activity: { externalId } }, include: { participant: true }, orderBy: { id: 'asc' } });
    // The person who stays keeps the batch that entered them; the one added belongs to the correction.
    expect(rows.map((r) => [r.participant.code, r.importBatchId])).toEqual([
      ['OST-2', firstBatch],
      ['OST-1', result.batchId],
    ]);
    const audit = await db().auditEvent.findMany({ where: { entity: 'activity', entityId: externalId }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['activity.updated', 'attendance.replaced']);
    expect(JSON.parse(JSON.stringify(audit[1]!.before))).toEqual({ participants: ['OST-2', 'OST-3'] });
    expect(JSON.parse(JSON.stringify(audit[1]!.after))).toEqual({ participants: ['OST-1', 'OST-2'] });

    await context.get(PipelineService).importRunsSettled();
    const last = await db().pipelineRun.findFirstOrThrow({ orderBy: { id: 'desc' } });
    // The incremental run took the correction itself (no fall back to a full rebuild).
    expect([last.mode, last.status, last.note]).toEqual(['incremental', 'succeeded', null]);
    expect(await factAttendance(externalId)).toEqual(['OST-1', 'OST-2']);
    expect(await march()).toMatchObject({ activities: 1, namedAttendances: 2, anonymousAttendances: 0, attendances: 2 });

    // Only a list changed (one person swapped for another): the activity is read again all the same.
    const swap = await recording().record('OST', input({ externalId, participants: ['OST-1', 'OST-3'], headcountAnonymous: 0 }), organizerOst, 'pl');
    expect(swap).toMatchObject({ status: 'imported', updated: 0, added: ['OST-3'], removed: ['OST-2'] });
    await context.get(PipelineService).importRunsSettled();
    expect(await factAttendance(externalId)).toEqual(['OST-1', 'OST-3']);
    const full = await context.get(PipelineService).run('cli', 'full');
    expect(full.status).toBe('succeeded');
    expect(await factAttendance(externalId)).toEqual(['OST-1', 'OST-3']);
  });

  it('the same form sent again changes nothing and records no batch', async () => {
    const before = await stored();
    const again = await recording().record('OST', input({ externalId, participants: ['OST-3', 'OST-1'], headcountAnonymous: 0 }), organizerOst, 'pl');
    expect(again).toMatchObject({ status: 'unchanged', batchId: null, refresh: null });
    expect(await stored()).toEqual(before);
  });

  it('two new activities saved at once get a number each', async () => {
    const [a, b] = await Promise.all([
      recording().record('OST', input({ date: '2022-05-02', title: 'Pierwsze' }), organizerOst, 'pl'),
      recording().record('OST', input({ date: '2022-05-02', title: 'Drugie' }), organizerOst, 'pl'),
    ]);
    expect([a.status, b.status]).toEqual(['imported', 'imported']);
    expect(new Set([a.externalId, b.externalId])).toEqual(new Set(['OST/2022/F002', 'OST/2022/F003']));
    const titles = await db().activity.findMany({ where: { externalId: { in: [a.externalId, b.externalId] } }, include: { attendances: true } });
    expect(titles.map((t) => [t.title, t.attendances.length]).sort()).toEqual([
      ['Drugie', 2],
      ['Pierwsze', 2],
    ]);
  });

  it('takes a date outside the project period as a file does (monitoring goes on), saying it does not count toward the project', async () => {
    const result = await recording().record('OST', input({ date: '2020-12-15', title: 'Przed projektem' }), organizerOst, 'pl');
    expect(result.status).toBe('imported');
    expect(result.externalId).toBe('OST/2020/F001');
    expect(result.warnings).toEqual([
      {
        field: 'date',
        message: 'Data 2020-12-15 jest poza okresem projektu (2021-01-01 – 2023-12-31): zajęcia zostaną zapisane, ale nie liczą się do wskaźników projektu.',
      },
    ]);
  });

  it('names the register for the community’s own organizer only', async () => {
    const own = await recording().form('OST', organizerOst);
    expect(own.names).toBe(true);
    expect(own.register.map((p) => [p.code, p.firstName])).toEqual([
      ['OST-1', 'Anna'],
      ['OST-2', 'Jan'],
      ['OST-3', 'Ewa'],
    ]);
    const admin = await recording().form('OST', { email: 'admin@test.osl', role: 'admin', communities: [], scope: 'full' });
    expect(admin.names).toBe(false);
    expect(admin.register.every((p) => p.firstName === null && p.lastName === null)).toBe(true);
  });
});

describe('refusals: field by field, in words, nothing stored', () => {
  it.each([
    ['a date in the future', input({ date: '2023-07-01' }), 'date', 'date_in_future', /2023-07-01 jest w przyszłości/],
    ['a date before the earliest accepted one', input({ date: '1999-12-31' }), 'date', 'date_before_2000', /wcześniejsza niż najwcześniejsza/],
    ['a code not in the register', input({ participants: ['OST-2', 'OST-99'] }), 'participants', 'participant_not_in_your_register', /OST-99/],
    ['a person of another community', input({ participants: ['LAZ-1'] }), 'participants', 'participant_not_in_your_register', /LAZ-1/],
    ['an unknown type', input({ type: 'NIEZNANY' }), 'type', 'unknown_activity_type', /NIEZNANY/],
    ['no title', input({ title: ' ' }), 'title', 'recording.title_required', /Podaj temat/],
    ['no date', input({ date: '' }), 'date', 'recording.date_required', /Podaj datę/],
    ['a negative headcount', input({ headcountAnonymous: -2 }), 'headcountAnonymous', 'number_negative', /-2/],
  ])('%s', async (_what, form, field, code, words) => {
    const before = await stored();
    const refused = await refusal(recording().record('OST', form, organizerOst, 'pl'));
    expect(refused.kind).toBe('invalid');
    expect(refused.errors.map((e) => [e.field, e.code])).toContainEqual([field, code]);
    // Said once, in the form's words where the form names the field itself.
    expect(refused.errors.filter((e) => e.field === field)).toHaveLength(1);
    expect(refused.errors.find((e) => e.field === field)!.message).toMatch(words);
    expect(await stored()).toEqual(before);
  });

  it('an organizer recording for another community is refused, naming their own', async () => {
    const before = await stored();
    const refused = await refusal(recording().record('OST', input(), organizerLaz, 'pl'));
    expect(refused.errors.map((e) => [e.field, e.code])).toContainEqual(['community', 'community_not_assigned']);
    expect(refused.errors.find((e) => e.code === 'community_not_assigned')!.message).toContain('LAZ');
    expect(await stored()).toEqual(before);
  });

  it('a correction of another community’s activity is not found there', async () => {
    const before = await stored();
    const error = await recording()
      .record('OST', input({ externalId: 'L1' }), organizerOst, 'pl')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('not_found');
    expect((error as DomainError).messageIn('pl')).toBe('W społeczności OST nie ma zajęć o numerze „L1”.');
    expect(await stored()).toEqual(before);
  });

  it('speaks English when asked', async () => {
    const refused = await refusal(recording().record('OST', input({ date: '2023-07-01', participants: ['OST-99'] }), organizerOst, 'en'));
    expect(refused.errors.map((e) => e.message)).toEqual([
      'The date 2023-07-01 is in the future (today is 2023-06-15).',
      expect.stringContaining('OST-99 is not in the register of your communities (OST)'),
    ]);
  });
});
