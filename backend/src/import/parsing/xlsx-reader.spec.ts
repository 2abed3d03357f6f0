import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxBytes, zipBytes, type ZipSpecEntry } from '../fixtures/import-fixtures.ts';
import { FileRejectedError } from '../import.errors.ts';
import { checkXlsxContainer } from './xlsx-reader.ts';

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function sheetXml(rows: number): Buffer {
  const cells = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`,
  );
}

/** The workbook's relationships: `[type, target]` pairs (`worksheet`, `sharedStrings`, …). */
function workbookRels(targets: readonly (readonly [string, string])[]): Buffer {
  const rels = targets.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${DOC_NS}/${type}" Target="${target}"/>`).join('');
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${rels}</Relationships>`);
}

/** A workbook written part by part, so parts can be named as no spreadsheet program would. */
function workbookParts(parts: readonly ZipSpecEntry[], rels?: readonly (readonly [string, string])[]): Buffer {
  return zipBytes([
    { name: '[Content_Types].xml', data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    {
      name: '_rels/.rels',
      data: Buffer.from(`<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${DOC_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${DOC_NS}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    ...(rels ? [{ name: 'xl/_rels/workbook.xml.rels', data: workbookRels(rels) }] : []),
    ...parts,
  ]);
}

function rejectionCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof FileRejectedError) return error.code;
    throw error;
  }
  return 'accepted';
}

const sheet = sheetXml(40); // about 1.6 KB
const roomy = { maxUncompressedBytes: 256 * 1024 * 1024, maxSheetXmlBytes: 64 * 1024 * 1024 };
const tight = { ...roomy, maxSheetXmlBytes: sheet.length - 1 };

describe('checkXlsxContainer: the sheet XML limit counts what the reader reads', () => {
  it('counts a part exceljs reads as a worksheet by its name, though not named like one (sheet1.xml_)', async () => {
    const bypass = workbookParts([{ name: 'xl/worksheets/sheet1.xml_', data: sheet }], [['worksheet', 'worksheets/sheet1.xml_']]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(bypass as unknown as Parameters<typeof read.xlsx.load>[0]);
    expect(read.worksheets[0]?.getCell('A40').value).toBe(39); // exceljs does read it as the sheet
    expect(rejectionCode(() => checkXlsxContainer(bypass, 'b.xlsx', tight))).toBe('xlsx_too_large');
    expect(rejectionCode(() => checkXlsxContainer(bypass, 'b.xlsx', roomy))).toBe('accepted');
    for (const name of ['xl/worksheets/sheet2.xml.bak', 'copy/xl/worksheets/sheet3.xml', 'xl/worksheets/sheet7.xmlx']) {
      const renamed = workbookParts([
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') },
        { name, data: sheet },
      ]);
      expect(
        rejectionCode(() => checkXlsxContainer(renamed, 'b.xlsx', tight)),
        name,
      ).toBe('xlsx_too_large');
    }
  });

  it('counts the worksheets the workbook relationships name, wherever and however they are named', () => {
    const odd = workbookParts(
      [
        { name: 'xl/worksheets/data.xml', data: sheet },
        { name: 'xl/sheet.xml', data: sheet },
        { name: 'xl/dane arkusza.xml', data: sheet },
      ],
      [
        ['worksheet', 'worksheets/data.xml'],
        ['worksheet', '/xl/sheet.xml'],
        ['worksheet', '../xl/dane%20arkusza.xml'],
        ['hyperlink', 'https://example.org/'],
      ],
    );
    const total = 3 * sheet.length;
    expect(rejectionCode(() => checkXlsxContainer(odd, 'o.xlsx', { ...roomy, maxSheetXmlBytes: total - 1 }))).toBe('xlsx_too_large');
    expect(rejectionCode(() => checkXlsxContainer(odd, 'o.xlsx', { ...roomy, maxSheetXmlBytes: total }))).toBe('accepted');
    // Part names are case-insensitive, as Excel reads them.
    const cased = workbookParts([{ name: 'xl/worksheets/Data.xml', data: sheet }], [['worksheet', 'worksheets/data.XML']]);
    expect(rejectionCode(() => checkXlsxContainer(cased, 'o.xlsx', tight))).toBe('xlsx_too_large');
  });

  it('counts a part once when both its name and the relationships make it a worksheet', () => {
    const both = workbookParts([{ name: 'xl/worksheets/sheet1.xml', data: sheet }], [['worksheet', 'worksheets/sheet1.xml']]);
    expect(rejectionCode(() => checkXlsxContainer(both, 'w.xlsx', { ...roomy, maxSheetXmlBytes: sheet.length }))).toBe('accepted');
  });

  it('counts the shared strings against their own limit', () => {
    const strings = Buffer.from(`<sst>${'<si><t>tekst</t></si>'.repeat(100)}</sst>`);
    for (const [name, rels] of [
      ['xl/sharedStrings.xml', undefined],
      ['xl/strings/teksty.xml', [['sharedStrings', 'strings/teksty.xml']] as const],
    ] as const) {
      const workbook = workbookParts(
        [
          { name: 'xl/worksheets/sheet1.xml', data: sheet },
          { name, data: strings },
        ],
        rels,
      );
      const limit = { ...roomy, maxSharedStringsXmlBytes: strings.length - 1 };
      expect(
        rejectionCode(() => checkXlsxContainer(workbook, 's.xlsx', limit)),
        name,
      ).toBe('xlsx_strings_too_large');
      expect(rejectionCode(() => checkXlsxContainer(workbook, 's.xlsx', { ...limit, maxSharedStringsXmlBytes: strings.length }))).toBe('accepted');
    }
  });

  it('counts the other parts exceljs parses into memory (styles, comments, drawings)', () => {
    const styles = Buffer.from(`<styleSheet>${'<xf numFmtId="0"/>'.repeat(200)}</styleSheet>`);
    for (const name of ['xl/styles.xml', 'xl/comments1.xml', 'xl/drawings/drawing1.xml', 'xl/tables/table1.xml']) {
      const workbook = workbookParts([
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
        { name, data: styles },
      ]);
      expect(rejectionCode(() => checkXlsxContainer(workbook, 'p.xlsx', { ...roomy, maxOtherXmlBytes: styles.length }))).toBe('xlsx_parts_too_large');
    }
  });

  it('refuses a part exceljs would read twice or that could be either of two parts', () => {
    const cases: ZipSpecEntry[][] = [
      [
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
        { name: '/xl/worksheets/sheet1.xml', data: sheet },
      ],
      [
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
        { name: 'xl/worksheets/./sheet1.xml', data: sheet },
      ],
      [
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
        { name: 'xl/worksheets/Sheet1.xml', data: sheet },
      ],
      [
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
        { name: 'xl/worksheets/sheet01.xml', data: sheet },
      ],
      [
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
        { name: 'xl/worksheets/sheet1.xml_', data: sheet },
      ],
      [
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
        { name: 'xl/sharedStrings.xml', data: sheet },
        { name: '/xl/sharedStrings.xml', data: sheet },
      ],
    ];
    for (const parts of cases) {
      expect(
        rejectionCode(() => checkXlsxContainer(workbookParts(parts), 'a.xlsx', roomy)),
        parts.map((p) => p.name).join(' + '),
      ).toBe('xlsx_ambiguous_part');
    }
  });

  it('a path exceljs resolves into a worksheet name is counted as that worksheet', () => {
    const dotted = workbookParts([{ name: 'xl/worksheets/./sheet1.xml', data: sheet }]);
    expect(rejectionCode(() => checkXlsxContainer(dotted, 'd.xlsx', tight))).toBe('xlsx_too_large');
  });

  it('accepts a workbook as Excel (here exceljs) writes it', async () => {
    const normal = await xlsxBytes([
      {
        name: 'Dziennik',
        rows: [
          ['id', 'data'],
          ['A-1', '2024-01-05'],
        ],
      },
      { name: 'Inne', rows: [['x']] },
    ]);
    expect(rejectionCode(() => checkXlsxContainer(normal, 'n.xlsx', roomy))).toBe('accepted');
  });
});
