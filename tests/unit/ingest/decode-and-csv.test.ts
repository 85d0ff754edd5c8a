import { describe, expect, it } from 'vitest';
import { decodeBytes, readCsvRows } from '@/lib/ingest';
import { guessDelimiter } from '@/lib/ingest/csv-rows';
import { RecordAligner } from '@/lib/ingest/record-aligner';
import { decodeTextChunks } from '@/lib/ingest/text-source';
import { codeCounts, fixture, only, parseFixtures, textFile } from './helpers';
import { parseOrgUpload } from '@/lib/ingest';

async function rowsOf(chunks: string[]): Promise<string[][]> {
  const rows: string[][] = [];
  async function* gen() {
    for (const c of chunks) yield c;
  }
  await readCsvRows(gen(), { onRow: (cells) => void rows.push(cells) });
  return rows;
}

describe('decoding', () => {
  it('reads UTF-8 with a BOM and CRLF line ends', async () => {
    const s = only(await parseFixtures(['bom-crlf.csv']));
    expect(s.records.map((r) => [r.employeeId, r.name])).toEqual([
      ['1', 'Zoë Root'],
      ['2', 'José Two'],
    ]);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    const f = fixture('windows-1252.csv');
    expect('bytes' in f && decodeBytes(f.bytes).encoding).toBe('windows-1252');
    const s = only(await parseFixtures(['windows-1252.csv']));
    expect(s.records.map((r) => [r.name, r.title])).toEqual([
      ['Renée Root', 'Head of £ budget'],
      ['O’Brien', 'Café lead'],
    ]);
  });

  it('falls back to Windows-1252 for a file on disk too (re-read after the first bad byte)', async () => {
    const path = `${process.cwd()}/tests/fixtures/ingest/windows-1252.csv`;
    const res = await parseOrgUpload([{ name: 'windows-1252.csv', path }], { asOf: '2024-01-31' });
    expect(only(res).records[1]?.name).toBe('O’Brien');
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', async () => {
    const text = 'Employee ID\tManager ID\tName\n1\t\tÅsa\n2\t1\tBo\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const s = only(await parseOrgUpload([{ name: 'u16.txt', bytes }], { asOf: '2024-01-31' }));
    expect(s.records.map((r) => r.name)).toEqual(['Åsa', 'Bo']);
  });

  it('accepts old-Mac CR-only line ends', async () => {
    expect(only(await parseFixtures(['cr-only.csv'])).records).toHaveLength(2);
  });

  it('refuses binary and empty files with clear errors', async () => {
    const res = await parseFixtures(['binary.csv', 'empty.csv', 'comments-only.csv', 'header-only.csv']);
    expect(res.ok).toBe(false);
    expect(res.snapshots).toHaveLength(0);
    expect(res.fileIssues.map((i) => [i.file, i.code])).toEqual([
      ['binary.csv', 'binary-file'],
      ['empty.csv', 'empty-file'],
      ['comments-only.csv', 'no-header'],
      ['header-only.csv', 'no-rows'],
    ]);
    expect(res.fileIssues[0]?.message).toMatch(/binary file.*NUL byte/);
    expect(res.fileIssues[3]?.message).toMatch(/header \(2 columns\) but no data rows/);
  });

  it('refuses a legacy .xls workbook by its magic bytes', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
    const res = await parseOrgUpload([{ name: 'old.xls', bytes }], { asOf: '2024-01-31' });
    expect(res.fileIssues[0]?.code).toBe('unsupported-xls');
  });

  it('normalises CRLF split across chunk edges', async () => {
    async function* bytes() {
      yield new TextEncoder().encode('a,b\r');
      yield new TextEncoder().encode('\n1,2\r');
      yield new TextEncoder().encode('3,4');
    }
    let text = '';
    for await (const t of decodeTextChunks(bytes(), 'utf-8')) text += t;
    expect(text).toBe('a,b\n1,2\n3,4');
  });
});

describe('CSV rows', () => {
  it('keeps commas, doubled quotes and newlines inside quoted fields', async () => {
    const s = only(await parseFixtures(['quoted-newlines.csv']));
    expect(s.records.map((r) => [r.name, r.title])).toEqual([
      ['Root, The', 'Chief "Everything" Officer'],
      ['Multi\nLine', 'Title with\nCRLF inside'],
      ['Plain', null],
    ]);
  });

  it('skips blank lines (also ",,,") and trims stray spaces', async () => {
    const s = only(await parseFixtures(['blank-lines.csv']));
    expect(s.records.map((r) => [r.row, r.employeeId, r.managerId, r.name])).toEqual([
      [5, '1', null, 'Root'], // file lines: two blank lines, then the header on line 3
      [8, '2', '1', 'Two'],
    ]);
  });

  it('guesses ; and tab delimiters from the header line', async () => {
    expect(guessDelimiter('a;b;c')).toBe(';');
    expect(guessDelimiter('a\tb\tc')).toBe('\t');
    expect(guessDelimiter('"a;b",c')).toBe(',');
    const s = only(await parseFixtures(['semicolon.csv']));
    expect(s.records.map((r) => r.name)).toEqual(['Root', 'Zwei, Eins']);
  });

  it('gives the same rows however the text is chunked (quotes and newlines across edges)', async () => {
    const text = 'id,note\n1,"a ""q"", b\nc"\n2,plain\n3,"x\n\ny"\n';
    const whole = await rowsOf([text]);
    expect(whole).toEqual([
      ['id', 'note'],
      ['1', 'a "q", b\nc'],
      ['2', 'plain'],
      ['3', 'x\n\ny'],
    ]);
    for (let size = 1; size <= 7; size++) {
      const parts: string[] = [];
      for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
      expect(await rowsOf(parts)).toEqual(whole);
    }
  });

  it('reads a draw.io preamble and a header starting with "#," as a header', async () => {
    const rows: string[][] = [];
    async function* gen() {
      yield '## comment\n# label: %name%\n# connect: {"from": "manager", \\\n#   "to": "name"}\n#,id\n1,x\n';
    }
    const info = await readCsvRows(gen(), { onRow: (c) => void rows.push(c) });
    expect(info.preamble).toHaveLength(4);
    expect(rows).toEqual([
      ['#', 'id'],
      ['1', 'x'],
    ]);
  });

  it('the record aligner only cuts outside quotes', () => {
    const a = new RecordAligner(',', 1000);
    expect(a.push('1,"a\n')).toBe('');
    expect(a.push('b"\n2,')).toBe('1,"a\nb"\n');
    expect(a.end()).toBe('2,');
  });

  it('reports a truncated row (missing manager cell) and an unclosed quote', async () => {
    const s = only(await parseFixtures(['truncated-row.csv']));
    expect(codeCounts(s.issues)).toEqual({ 'error:short-row': 1 });
    const res = await parseOrgUpload([textFile('open-quote.csv', 'employee_id,manager_id\n1,\n2,"1\n')], {
      asOf: '2024-01-31',
    });
    expect(res.ok).toBe(false);
  });
});
