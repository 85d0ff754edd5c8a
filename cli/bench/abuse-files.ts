/**
 * Hostile uploads for the abuse benchmark and the tests: a CSV that is one 50 MB line, and an
 * XLSX zip bomb (a few MB that would inflate to gigabytes). The bomb repeats one full-flushed
 * deflate block of zeros, so building it costs a few milliseconds whatever its expanded size.
 */
import zlib from 'node:zlib';

/** A CSV with a normal-looking header start and no line break: `bytes` long. */
export function oneLineCsv(bytes: number): Uint8Array {
  const out = Buffer.alloc(bytes, 'x');
  out.write('employee_id,manager_id,name,', 0, 'latin1');
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

interface ZipEntry {
  name: string;
  method: 0 | 8;
  data: Buffer;
  crc: number;
  size: number;
}

function storedEntry(name: string, text: string): ZipEntry {
  const data = Buffer.from(text, 'utf8');
  return { name, method: 0, data, crc: zlib.crc32(data), size: data.byteLength };
}

/** A deflated entry of `mib` MiB of zeros, made by repeating one 1 MiB block. */
function zerosEntry(name: string, mib: number): ZipEntry {
  const block = Buffer.alloc(1024 * 1024);
  const piece = zlib.deflateRawSync(block, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const end = zlib.deflateRawSync(Buffer.alloc(0)); // the final (empty) block
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = zlib.crc32(block, crc);
  const data = Buffer.concat([...Array.from({ length: mib }, () => piece), end]);
  return { name, method: 8, data, crc, size: mib * 1024 * 1024 };
}

function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.byteLength, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.byteLength, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + e.data.byteLength;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(dir.byteLength, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, eocd]);
}

/** An .xlsx whose worksheet inflates to `mib` MiB (keep it under 4,095 for a plain zip). */
export function xlsxBomb(mib: number): Uint8Array {
  const buf = zip([
    storedEntry(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    zerosEntry('xl/worksheets/sheet1.xml', mib),
  ]);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
