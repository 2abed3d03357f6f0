import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { DomainError } from '../lib/domain-error.ts';
import { AuditService, parseAuditFilter, type AuditQuery } from '../services/audit.service.ts';

@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  /**
   * The audit trail, newest first: `from`, `to` (dates), `actor`, `action` (`import` takes every
   * `import.…`), `entity`, `entityId`, `limit` (≤ 1000), `offset`; `format=csv` downloads it.
   */
  @Get()
  async list(@CurrentViewer() viewer: Viewer, @Query() query: AuditQuery & { format?: string }, @Res({ passthrough: true }) response: Response) {
    const format = query.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw DomainError.invalid('filter.audit_format', {});
    const filter = parseAuditFilter(query, format === 'csv');
    if (format === 'json') return this.audit.list(filter);
    const filterText = new URLSearchParams(Object.entries(query).filter(([k, v]) => k !== 'format' && typeof v === 'string') as [string, string][]).toString();
    const { csv, truncated } = await this.audit.exportCsv(filter, filterText, viewer.email, viewer.address);
    response.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="dziennik-zmian.csv"',
      ...(truncated ? { 'X-OSL-Truncated': 'true' } : {}),
    });
    return csv;
  }
}
