import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Browser, Page } from 'playwright-core';
import { sessionCookieName } from '../auth/cookies.ts';
import type { Viewer } from '../auth/viewer.ts';
import { DomainError } from '../lib/domain-error.ts';
import { OSL_ENVIRONMENT, type OslEnvironment } from '../lib/osl-environment.ts';
import { AuditService } from './audit.service.ts';
import { ConfigurationService } from './configuration.service.ts';
import { PdfBrowserPool } from './pdf-browser-pool.ts';
import { escapeHtml } from './export-format.ts';
import { dateTimeText } from '../exports/excel-cell.ts';

const renderTimeoutMs = 45_000;

/** Waits until every chart is drawn (the ECharts wrapper marks each one data-rendered="true"). */
async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const charts = [...document.querySelectorAll('[data-rendered]')];
      return charts.length > 0 && charts.every((c) => (c as HTMLElement).dataset.rendered === 'true');
    },
    undefined,
    { timeout: renderTimeoutMs },
  );
}

/**
 * The director's printable summary as a PDF, rendered by the same Chromium the tests use: the
 * overview page, opened by this server on its own address with the requester's session (so the
 * PDF shows exactly what they may see), printed A4 with its print stylesheet. Both kinds of PDF
 * are printed by the server's one browser (PdfBrowserPool), each in its own browser context.
 */
@Injectable()
export class SummaryPdfService {
  private readonly logger = new Logger('SummaryPdf');

  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OSL_ENVIRONMENT) private readonly environment: OslEnvironment,
    @Inject(PdfBrowserPool) private readonly browsers: PdfBrowserPool,
    @Inject(ConfigurationService) private readonly configuration: ConfigurationService,
  ) {}

  /** A self-contained HTML page (an export's table) printed to PDF; the page loads nothing. */
  async printHtml(html: string): Promise<Buffer> {
    return this.browsers.withBrowser(async (browser) => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        // Nothing from outside: the HTML is complete, and any request it might make is refused.
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      } finally {
        await context.close().catch(() => undefined);
      }
    });
  }

  async render(viewer: Viewer, sessionToken: string, year: number, lang: 'pl' | 'en'): Promise<Buffer> {
    const dashboard = this.environment.dashboardDir;
    if (!dashboard || !fs.existsSync(path.join(dashboard, 'index.html'))) {
      throw DomainError.unavailable('pdf.no_dashboard', {});
    }
    // The server's own address, never the request's Host header: the browser carries a session.
    const { port } = this.adapterHost.httpAdapter.getHttpServer().address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;
    return this.browsers.withBrowser((browser) => this.renderIn(browser, origin, viewer, sessionToken, year, lang));
  }

  private async renderIn(browser: Browser, origin: string, viewer: Viewer, sessionToken: string, year: number, lang: 'pl' | 'en'): Promise<Buffer> {
    const context = await browser.newContext({
      locale: lang === 'pl' ? 'pl-PL' : 'en-GB',
      timezoneId: this.configuration.current().project.timeZone,
      viewport: { width: 1120, height: 1400 },
    });
    try {
      await context.addCookies([{ name: sessionCookieName, value: sessionToken, url: origin, httpOnly: true, sameSite: 'Strict' }]);
      await context.addInitScript((chosen) => globalThis.localStorage?.setItem('osl-monitor.lang', chosen), lang);
      const page = await context.newPage();
      await page.goto(`${origin}/?year=${year}`, { waitUntil: 'networkidle', timeout: renderTimeoutMs });
      await page.locator('[data-testid="indicator-table"]').waitFor({ timeout: renderTimeoutMs });
      await chartsDrawn(page);
      // Print media redraws the charts at their size on paper (the wrapper's print drawing): two
      // frames for the media change to reach the page, then every chart drawn again.
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
      await chartsDrawn(page);
      const zone = lang === 'pl' ? 'czas warszawski' : 'Warsaw time';
      const footer = `<div style="font-size:7px;width:100%;padding:0 10mm;color:#555;display:flex;justify-content:space-between"><span>OSL Monitor · ${escapeHtml(viewer.email)} · ${dateTimeText(new Date())} (${zone})</span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`;
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footer,
        margin: { top: '10mm', bottom: '12mm', left: '10mm', right: '10mm' },
      });
      await this.audit.recordAction('export.summary-pdf', 'export', String(year), viewer.email, viewer.address, { year, lang });
      return Buffer.from(pdf);
    } catch (error) {
      this.logger.error(`summary PDF for ${year} failed: ${(error as Error).message}`);
      throw error;
    } finally {
      // The session's cookie goes with its context; the browser stays for the next PDF.
      await context.close().catch(() => undefined);
    }
  }
}
