import { Controller, Get, HttpCode, Inject, Post, Res, UnprocessableEntityException, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Access, everyRole } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { importKinds } from '../import/import.types.ts';
import type { ImportKind } from '../import/validation/validate-file.ts';
import { DomainError } from '../lib/domain-error.ts';
import { Contract, RouteBody, RouteParams, RouteQuery, type BodyOf, type ParamsOf, type QueryOf } from '../lib/route-contract.ts';
import { AuditService } from '../services/audit.service.ts';
import { ImportJobsService } from '../services/import-jobs.service.ts';
import { ImportTemplateService, templateSheetNames } from '../services/import-template.service.ts';
import { ImportRepository } from '../repositories/import.repository.ts';
import { importsContracts as contracts } from './imports.contract.ts';

/** At most this many files in one upload; their size limit comes from project.json (AppModule). */
export const maxFilesPerUpload = 20;

/** An uploaded file as multer leaves it: spooled to disk (lib/spooling-storage.ts). */
interface UploadedFile {
  originalname: string;
  path: string;
}

@Controller('imports')
export class ImportsController {
  constructor(
    @Inject(ImportJobsService) private readonly jobs: ImportJobsService,
    @Inject(ImportTemplateService) private readonly templates: ImportTemplateService,
    @Inject(ImportRepository) private readonly history: ImportRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /**
   * Multipart upload (field `files`). Returns the CLI's JSON report; 422 when a file was
   * rejected. With `?async=true` it answers 202 at once with a job to poll for progress.
   */
  @Post()
  @HttpCode(200)
  @UseInterceptors(FilesInterceptor('files', maxFilesPerUpload))
  @Access({ organizer: 'assigned', admin: 'full' })
  @Contract(contracts.upload)
  async upload(
    @CurrentViewer() viewer: Viewer,
    @UploadedFiles() files: UploadedFile[] | undefined,
    @RouteBody() body: BodyOf<typeof contracts.upload>,
    @RouteQuery() { async: asynchronous }: QueryOf<typeof contracts.upload>,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!files || files.length === 0) throw DomainError.invalid('imports.no_files', {});
    // multer decodes names as latin1; Polish browsers send UTF-8.
    const spooled = files.map((f) => ({ fileName: Buffer.from(f.originalname, 'latin1').toString('utf8'), path: f.path }));
    // (A form the contract refuses never gets here, and leaves nothing in the spool folder: lib/route-contract.ts.)
    const options = {
      kind: body.kind,
      lang: body.lang,
      source: 'api' as const,
      importedBy: viewer.email,
      allowedCommunities: viewer.scope === 'assigned' ? viewer.communities : undefined,
    };
    // Either way the import worker process reads and writes the files, one at a time.
    if (asynchronous) {
      response.status(202);
      return this.jobs.start(spooled, options, viewer.userId);
    }
    const reports = await this.jobs.run(spooled, options);
    // A file imported beside a rejected one is written all the same: its run is said in both answers.
    const refresh = await this.jobs.refreshOf(reports);
    if (reports.some((r) => r.status === 'rejected')) throw new UnprocessableEntityException({ key: 'imports.files_rejected', files: reports, refresh });
    return { files: reports, refresh };
  }

  @Get('jobs/:id')
  @Access({ organizer: 'assigned', admin: 'full' })
  @Contract(contracts.job)
  async job(@CurrentViewer() viewer: Viewer, @RouteParams() { id }: ParamsOf<typeof contracts.job>) {
    // Another user's job is answered as not found: its report holds the rows of their file.
    const job = await this.jobs.get(id, viewer.userId);
    if (!job) throw DomainError.notFound('imports.job_not_found', { id });
    return job;
  }

  /**
   * Import history, newest first: file, kind, status, who, when, counts. The row-by-row report
   * (its messages name participant codes) goes to the director, the admin and whoever imported it.
   */
  // The history holds file names, counts and messages, never names (redacted when stored).
  @Get()
  @Access(everyRole)
  @Contract(contracts.list)
  async list(@CurrentViewer() viewer: Viewer, @RouteQuery() { limit = defaultHistoryPage, before }: QueryOf<typeof contracts.list>) {
    const batches = await this.history.listBatches(limit, before);
    const seesReports = viewer.role === 'director' || viewer.role === 'admin';
    return batches.map((b) => ({
      id: b.id,
      file: b.fileName,
      kind: b.kind,
      sha256: b.sha256,
      status: b.status,
      source: b.source,
      importedBy: b.importedBy,
      at: b.createdAt,
      rowsRead: b.rowsRead,
      rowsWritten: b.rowsWritten,
      errorCount: b.errorCount,
      warningCount: b.warningCount,
      report: seesReports || b.importedBy === viewer.email ? b.report : null,
    }));
  }

  @Get('templates/:kind')
  @Access({ organizer: 'full', admin: 'full', director: 'full' })
  @Contract(contracts.template)
  async template(
    @CurrentViewer() viewer: Viewer,
    @RouteParams() { kind }: ParamsOf<typeof contracts.template>,
    @RouteQuery() { survey }: QueryOf<typeof contracts.template>,
    @Res() response: Response,
  ) {
    if (!(importKinds as readonly string[]).includes(kind)) throw DomainError.notFound('imports.template_not_found', { kind, allowed: importKinds.join(', ') });
    const parsed = kind as ImportKind;
    const content = await this.templates.build(parsed, survey);
    const name = `szablon-${templateSheetNames[parsed]}${parsed === 'survey' && survey ? `-${survey}` : ''}.xlsx`;
    await this.audit.recordAction('download.template', 'template', parsed, viewer.email, viewer.address, { file: name });
    response
      .status(200)
      .set({
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      })
      .send(content);
  }
}

/** The import history's page when `?limit=` is not given (contract: at most 200). */
const defaultHistoryPage = 50;
