import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigSnapshot } from '@osl/data';
import { civilDateInZone } from '@osl/pipelines';
import type { Scope } from '../auth/access-matrix.ts';
import { maySeeNames, type Role } from '../auth/roles.ts';
import type { ActivityRecord } from '../import/kinds/activities.ts';
import { lookupsForCommunities, rowsOutsideCommunities } from '../import/validation/community-scope.ts';
import { validateTable, type ImportIssue, type ValidationContext, type ValidationResult } from '../import/validation/validate-file.ts';
import { DomainError } from '../lib/domain-error.ts';
import { formatMessage, type Lang } from '../lib/messages.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import {
  activityTable,
  attendanceRowOf,
  attendanceTable,
  distinctCodes,
  fieldErrors,
  newActivityId,
  type FieldError,
  type RecordingInput,
} from '../recording/recording-form.ts';
import { ImportRepository } from '../repositories/import.repository.ts';
import {
  ActivityNumberTaken,
  RecordingRepository,
  type RecordingWritten,
  type RegisterEntry,
  type StoredActivity,
} from '../repositories/recording.repository.ts';
import { ConfigurationService } from './configuration.service.ts';
import { ImportRefreshService } from './import-refresh.service.ts';
import type { ImportRefresh } from './import-refresh.ts';
import { PipelineService } from './pipeline.service.ts';

/** Who records: the signed-in user, and the communities they may record for (null: every one). */
export interface Recorder {
  email: string;
  role: Role;
  communities: readonly string[];
  scope: Scope;
}

export interface RecordingForm {
  community: { code: string; name: string };
  /** Whether the register's names are shown (the director and the community's own organizer). */
  names: boolean;
  today: string;
  earliestDate: string;
  period: { start: string; end: string };
  register: RegisterEntry[];
}

export interface RecordingResult {
  status: 'imported' | 'unchanged';
  externalId: string;
  batchId: number | null;
  created: number;
  updated: number;
  added: string[];
  removed: string[];
  warnings: { field: FieldError['field'] | null; message: string }[];
  refresh: ImportRefresh | null;
}

/**
 * Recording without Excel: one activity and who came, entered in the dashboard, checked by the
 * importer's own validators (the activities and attendance kinds, with the uploader's community
 * scope), written as one import batch of source `form` with who and when, audited, and shown in
 * the figures by the incremental run an import asks for.
 */
@Injectable()
export class RecordingService {
  private readonly logger = new Logger('RecordingService');

  private get config(): ConfigSnapshot {
    return this.configuration.current();
  }

  constructor(
    @Inject(RecordingRepository) private readonly recordings: RecordingRepository,
    @Inject(ImportRepository) private readonly imports: ImportRepository,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
    @Inject(PipelineService) private readonly pipeline: PipelineService,
    @Inject(ImportRefreshService) private readonly refresh: ImportRefreshService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
  ) {}

  private today(): string {
    return civilDateInZone(this.environment.now(), this.config.project.timeZone);
  }

  private community(code: string): { code: string; name: string } {
    const community = this.config.communities.find((c) => c.code === code);
    if (!community) throw DomainError.notFound('recording.community_unknown', { community: code });
    return { code: community.code, name: community.name };
  }

  /** What the form needs: the community, its register (names for those who may see them), the dates it takes. */
  async form(code: string, recorder: Recorder): Promise<RecordingForm> {
    const community = this.community(code);
    const names = maySeeNames(recorder.role, recorder.communities, code);
    const { project } = this.config;
    return {
      community,
      names,
      today: this.today(),
      earliestDate: project.importLimits.earliestDate,
      period: { start: project.periodStart, end: project.periodEnd },
      register: await this.recordings.register(code, names),
    };
  }

  /** An activity of the community with its attendance list, to correct. */
  async activity(code: string, externalId: string): Promise<Omit<StoredActivity, 'durationHours' | 'ledBy' | 'location'>> {
    this.community(code);
    const stored = await this.recordings.activity(externalId);
    if (!stored || stored.community !== code) throw DomainError.notFound('recording.activity_not_found', { community: code, id: externalId });
    const { durationHours: _d, ledBy: _l, location: _p, ...shown } = stored;
    return shown;
  }

  /**
   * Records an activity (new, or the one `input.externalId` names, corrected) with its attendance
   * list. Refused as a whole, nothing written, with every field's errors in `lang`.
   */
  async record(code: string, input: RecordingInput, recorder: Recorder, lang: Lang): Promise<RecordingResult> {
    this.community(code);
    const stored = input.externalId ? await this.recordings.activity(input.externalId) : null;
    if (input.externalId && (!stored || stored.community !== code))
      throw DomainError.notFound('recording.activity_not_found', { community: code, id: input.externalId });

    const missing: FieldError[] = [];
    const required = (field: 'date' | 'type' | 'title', key: 'recording.date_required' | 'recording.type_required' | 'recording.title_required') => {
      if (input[field].trim() === '') missing.push({ field, value: null, code: key, message: formatMessage(key, lang) });
    };
    required('date', 'recording.date_required');
    required('type', 'recording.type_required');
    required('title', 'recording.title_required');

    const allowed = recorder.scope === 'assigned' ? recorder.communities : null;
    const lookups = lookupsForCommunities(await this.imports.loadLookups(), allowed);
    const externalId = stored?.externalId ?? newActivityId(code, input.date, await this.recordings.externalIdsStartingWith(`${code}/`));
    const ctx = (kind: 'activities' | 'attendance', with_: ValidationContext['lookups']): ValidationContext => ({
      kind,
      config: this.config,
      today: this.today(),
      lang,
      lookups: with_,
    });
    const communityCodes = this.config.communities.map((c) => c.code);
    const checked = (result: ValidationResult, scope: ValidationContext['lookups']): ImportIssue[] => [
      ...result.errors,
      ...rowsOutsideCommunities(result, allowed, scope, lang, communityCodes),
    ];

    const kept = { durationHours: stored?.durationHours ?? null, ledBy: stored?.ledBy ?? null, location: stored?.location ?? null };
    const activityResult = validateTable(activityTable(input, externalId, code, kept, lang), ctx('activities', lookups));
    const issues = checked(activityResult, lookups);
    const record = activityResult.records[0] as ActivityRecord | undefined;

    // The list is checked as a list of this activity, as if its log were in the same import.
    const codes = distinctCodes(input.participants);
    const withActivity = {
      ...lookups,
      activities: new Map([...lookups.activities, [externalId, { date: record?.date ?? stored?.date ?? input.date, communityCode: code }]]),
    };
    let attendanceWarnings: ImportIssue[] = [];
    if (codes.length > 0) {
      const listResult = validateTable(attendanceTable(externalId, codes, lang), ctx('attendance', withActivity));
      issues.push(...checked(listResult, withActivity));
      attendanceWarnings = listResult.warnings;
    }

    // An empty field the form names itself is not said twice in the importer's words ("the required column … is empty").
    const named = new Set(missing.map((m) => m.field));
    const errors = [...missing, ...fieldErrors(issues).filter((error) => !(error.code === 'value_required' && named.has(error.field)))];
    if (errors.length > 0 || !record) {
      throw DomainError.invalid('recording.invalid', { count: Math.max(errors.length, 1) }, { details: { errors } });
    }

    const warnings = fieldErrors([...activityResult.warnings, ...attendanceWarnings]).map((w) => ({ field: w.field, message: w.message }));
    const { periodStart, periodEnd } = this.config.project;
    if (record.date < periodStart || record.date > periodEnd) {
      warnings.push({ field: 'date', message: formatMessage('recording.outside_project', lang, { date: record.date, start: periodStart, end: periodEnd }) });
    }

    const written = await this.write(record, codes, recorder, stored === null);
    const base = {
      externalId: written.externalId,
      created: written.created,
      updated: written.updated,
      added: written.added,
      removed: written.removed,
      warnings,
    };
    if (written.batchId === null) return { ...base, status: 'unchanged', batchId: null, refresh: null };
    this.logger.log(`activity ${written.externalId} recorded by form as import #${written.batchId}`);
    // Like an accepted import: an incremental run at once, queued behind the one in progress.
    void this.pipeline.runAfterImport(written.batchId);
    return { ...base, status: 'imported', batchId: written.batchId, refresh: await this.refresh.refreshOfBatch(written.batchId) };
  }

  /**
   * Writes the recording; a new activity whose number another recording took meanwhile (two
   * saved at once) takes the next free one (its list rows name it anew).
   */
  private async write(
    record: ActivityRecord,
    codes: readonly string[],
    recorder: Recorder,
    isNew: boolean,
    attempt = 1,
  ): Promise<RecordingWritten & { externalId: string }> {
    const content = JSON.stringify({ record: { ...record, row: undefined }, participants: [...codes].sort() });
    try {
      const written = await this.recordings.write({
        meta: {
          // Named by its activity; the dashboard words it as a form entry (source 'form') in the reader's language.
          fileName: record.externalId,
          kind: 'activities',
          sha256: createHash('sha256').update(content).digest('hex'),
          source: 'form',
          importedBy: recorder.email,
        },
        activity: record,
        attendance: codes.map((participant, index) => ({ code: participant, row: attendanceRowOf(index) })),
        rowsRead: 1 + codes.length,
        isNew,
      });
      return { ...written, externalId: record.externalId };
    } catch (error) {
      if (!(error instanceof ActivityNumberTaken) || attempt >= 5) throw error;
      const community = record.communityCode;
      const externalId = newActivityId(community, record.date, await this.recordings.externalIdsStartingWith(`${community}/`));
      return this.write({ ...record, externalId }, codes, recorder, isNew, attempt + 1);
    }
  }

  /** Where the run that shows a recording is (the form's confirmation polls it). */
  refreshOf(batchId: number): Promise<ImportRefresh> {
    return this.refresh.refreshOfBatch(batchId);
  }
}
