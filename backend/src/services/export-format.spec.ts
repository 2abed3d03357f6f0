import { describe, expect, it } from 'vitest';
import { csvField, exportCsv, exportHtml, type ExportTable } from './export-format.ts';

const table: ExportTable = {
  title: 'Wskaźniki <P1>',
  exportedBy: 'audytor@x.pl',
  exportedAt: new Date('2026-11-27T12:00:00Z'),
  dataAsOf: '2026-11-27T11:00:00Z',
  columns: [
    { key: 'name', header: 'Nazwa' },
    { key: 'value', header: 'Wartość' },
  ],
  rows: [
    { name: '<script>alert(1)</script>', value: 12 },
    { name: '=SUM(A1)', value: '<3' },
  ],
};

describe('exports', () => {
  it('prints an HTML page with everything escaped and numbers right-aligned', () => {
    const html = exportHtml(table);
    expect(html).toContain('<h1>Wskaźniki &#60;P1&#62;</h1>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<td class="num">12</td>');
    expect(html).toContain('audytor@x.pl');
  });

  it('writes CSV for Excel: BOM, heading lines, formulas neutralised', () => {
    const csv = exportCsv(table).toString('utf8');
    expect(csv.startsWith('\uFEFF# Wskaźniki <P1>')).toBe(true);
    expect(csv).toContain("'=SUM(A1);<3");
    expect(csvField('a;b')).toBe('"a;b"');
  });
});
