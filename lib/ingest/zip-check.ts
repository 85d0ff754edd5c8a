/**
 * Zip-bomb guard for XLSX uploads: reads the zip's central directory (no entry is inflated) and
 * refuses a workbook whose entries would expand past the limit, or expand far more than real
 * spreadsheets do, before exceljs inflates anything.
 */
import yauzl from 'yauzl';
import { IngestError } from './errors';
import type { InputLimits } from './limits';
import type { UploadFile } from './types';

/** Entries smaller than this are not ratio-checked (tiny XML parts compress oddly well). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

function openZip(file: UploadFile): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip: yauzl.ZipFile) => (err ? reject(err) : resolve(zip));
    const options = { lazyEntries: true, autoClose: false };
    if ('bytes' in file)
      yauzl.fromBuffer(
        Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
        options,
        done,
      );
    else yauzl.open(file.path, options, done);
  });
}

const mb = (n: number): string => `${(n / 1048576).toLocaleString('en-US', { maximumFractionDigits: 0 })} MB`;

/** Throws IngestError 'xlsx-too-large' when the workbook would expand past the limits; 'bad-xlsx' when it is no zip. */
export async function checkXlsxExpansion(file: UploadFile, limits: InputLimits): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch {
    throw new IngestError('bad-xlsx', 'the workbook could not be read as .xlsx (damaged or not a workbook).');
  }
  try {
    await new Promise<void>((resolve, reject) => {
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (total > limits.maxXlsxExpandedBytes) {
          reject(
            new IngestError(
              'xlsx-too-large',
              `the workbook is too large: it expands to more than ${mb(limits.maxXlsxExpandedBytes)} (the limit). Save the sheet as CSV, or split it.`,
            ),
          );
          return;
        }
        if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxXlsxRatio) {
          reject(
            new IngestError(
              'xlsx-too-large',
              `the workbook is too large: one part expands ${Math.round(ratio).toLocaleString('en-US')} times (to ${mb(entry.uncompressedSize)}), far more than a spreadsheet does. Save the sheet as CSV and upload that.`,
            ),
          );
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', () =>
        reject(
          new IngestError('bad-xlsx', 'the workbook could not be read as .xlsx (damaged or not a workbook).'),
        ),
      );
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
