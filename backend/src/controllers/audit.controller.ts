import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { Contract, RouteQuery, type QueryOf } from '../lib/route-contract.ts';
import { AuditService, parseAuditFilter } from '../services/audit.service.ts';
import { auditContracts as contracts } from './audit.contract.ts';

@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  /**
   * The audit trail, newest first: `from`, `to` (dates), `actor`, `action` (`import` takes every
   * `import.…`), `entity`, `entityId`, `limit` (≤ 1000), `offset`; `format=csv` downloads it.
   */
  @Get()
  @Access({ director: 'full', auditor: 'full' })
  @Contract(contracts.list)
  async list(@CurrentViewer() viewer: Viewer, @RouteQuery() query: QueryOf<typeof contracts.list>, @Res({ passthrough: true }) response: Response) {
    const format = query.format;
    const filter = parseAuditFilter(query, format === 'csv');
    if (format === 'json') return this.audit.list(filter, viewer.role === 'director');
    const filterText = new URLSearchParams(
      Object.entries(query).filter(([k, v]) => k !== 'format' && k !== 'lang' && typeof v === 'string') as [string, string][],
    ).toString();
    const { csv, truncated } = await this.audit.exportCsv(filter, filterText, viewer.email, viewer.address);
    response.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="dziennik-zmian.csv"',
      ...(truncated ? { 'X-OSL-Truncated': 'true' } : {}),
    });
    return csv;
  }

  /** Checks the trail's hash chain in id order (intact, or the first broken entry and why) and every closed period's fingerprint. */
  @Get('verify')
  @Access({ director: 'full', auditor: 'full' })
  @Contract(contracts.verify)
  verify() {
    return this.audit.verify();
  }

  /** Everyone with an event in the trail (accounts' e-mail addresses and names, and 'system'), for the person filter. */
  @Get('actors')
  @Access({ director: 'full', auditor: 'full' })
  @Contract(contracts.actors)
  actors() {
    return this.audit.actors();
  }
}
