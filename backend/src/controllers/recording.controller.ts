import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { Access } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { currentLanguage } from '../lib/request-language.ts';
import { Contract, RouteBody, RouteParams, RouteQuery, type BodyOf, type ParamsOf, type QueryOf } from '../lib/route-contract.ts';
import { RecordingService } from '../services/recording.service.ts';
import { recordingContracts as contracts } from './recording.contract.ts';

/** Who may record: as for an import, an organizer for their own communities and the administrator. */
const recorders = { organizer: 'assigned', admin: 'full' } as const;

@Controller('recording')
export class RecordingController {
  constructor(@Inject(RecordingService) private readonly recording: RecordingService) {}

  /** What the form needs: the community, its register (names for its own organizer), the dates it accepts. */
  @Get(':code')
  @Access(recorders)
  @Contract(contracts.form)
  form(@CurrentViewer() viewer: Viewer, @RouteParams() { code }: ParamsOf<typeof contracts.form>) {
    return this.recording.form(code, viewer);
  }

  /** One activity of the community with its attendance list, to correct (`?id=` its number). */
  @Get(':code/activity')
  @Access(recorders)
  @Contract(contracts.activity)
  async activity(@RouteParams() { code }: ParamsOf<typeof contracts.activity>, @RouteQuery() { id }: QueryOf<typeof contracts.activity>) {
    const activity = await this.recording.activity(code, id);
    return { ...activity, source: { ...activity.source, importedAt: activity.source.importedAt.toISOString() } };
  }

  /**
   * Records an activity with its attendance list (a new one, or the one `externalId` names,
   * corrected), as one import batch of source `form`; 400 with `errors`, each naming its field, when refused.
   */
  @Post(':code')
  @HttpCode(200)
  @Access(recorders)
  @Contract(contracts.record)
  record(@CurrentViewer() viewer: Viewer, @RouteParams() { code }: ParamsOf<typeof contracts.record>, @RouteBody() body: BodyOf<typeof contracts.record>) {
    const { lang, ...input } = body;
    return this.recording.record(code, input, viewer, lang ?? currentLanguage());
  }

  /** Where the run that shows a recording is, for its confirmation. */
  @Get('batches/:batch/refresh')
  @Access(recorders)
  @Contract(contracts.refresh)
  refresh(@RouteParams() { batch }: ParamsOf<typeof contracts.refresh>) {
    return this.recording.refreshOf(batch);
  }
}
