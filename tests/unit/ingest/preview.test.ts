import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { IngestError, previewFile } from '@/lib/ingest';
import { FIXTURES } from './helpers';

const bytesOf = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

describe('previewFile (upload mapping screen)', () => {
  it('shows format, headers, first rows and the suggested mapping', async () => {
    const p = await previewFile(
      bytesOf('organogram-2020-03-31-senior.csv'),
      'organogram-2020-03-31-senior.csv',
    );
    expect(p.format).toBe('organogram-senior');
    expect(p.headers[0]).toBe('Post Unique Reference');
    expect(p.firstRows).toHaveLength(4);
    expect(p.suggestedMapping.columns).toMatchObject({
      employee_id: 0,
      name: 1,
      level: 2,
      title: 3,
      department: 5,
      manager_id: 6,
    });
    expect(p.suggestedMapping.missing).toEqual([]);
    expect(p.encoding).toBe('utf-8');
  });

  it('stops after 10 data rows', async () => {
    const text = ['id,parentId', ...Array.from({ length: 50 }, (_, i) => `${i},${i ? i - 1 : ''}`)].join(
      '\n',
    );
    const p = await previewFile(new TextEncoder().encode(text), 'big.csv');
    expect(p.firstRows).toHaveLength(10);
    expect(p.format).toBe('id-parent');
  });

  it('lists what is missing so it can be mapped by hand, and applies a hand mapping', async () => {
    const bytes = new TextEncoder().encode('Personalnummer;Vorgesetzter;Name\n1;;Root\n');
    const before = await previewFile(bytes, 'de.csv');
    expect(before.suggestedMapping.missing).toEqual(['employee_id', 'manager_id']);
    expect(before.suggestedMapping.unmatched).toEqual(['Personalnummer', 'Vorgesetzter']);
    const after = await previewFile(bytes, 'de.csv', {
      Personalnummer: 'employee_id',
      Vorgesetzter: 'manager_id',
    });
    expect(after.suggestedMapping.missing).toEqual([]);
  });

  it('shows the draw.io format after its preamble', async () => {
    const p = await previewFile(bytesOf('drawio-manager-by-name.txt'), 'drawio-manager-by-name.txt');
    expect(p.format).toBe('drawio');
    expect(p.headers).toEqual(['name', 'position', 'id', 'boss', 'refs']);
    expect(p.suggestedMapping.columns.manager_id).toBe(3);
  });

  it('picks the worksheet that holds the org table', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Read me').addRows([['Notes only']]);
    wb.addWorksheet('Staff').addRows([
      ['Employee ID', 'Manager ID'],
      [1, null],
    ]);
    const p = await previewFile(new Uint8Array(await wb.xlsx.writeBuffer()), 'staff.xlsx');
    expect(p.sheet).toBe('Staff');
    expect(p.firstRows).toEqual([['1', '']]);
  });

  it('throws a typed error for binary files', async () => {
    await expect(previewFile(bytesOf('binary.csv'), 'binary.csv')).rejects.toBeInstanceOf(IngestError);
  });
});
