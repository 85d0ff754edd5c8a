import fs from 'node:fs';
import path from 'node:path';
import { cliActor } from './org-option';
import { DalError } from '@/lib/dal/errors';
import { generateReport } from '@/lib/dal/reports/generate';
import { parseReportParams, type ReportParams } from '@/lib/dal/reports/params';
import { CliUsageError, log, printResult } from './common';

export interface ExportFlags {
  format?: string;
  out?: string;
  'as-of'?: string;
  'compare-to'?: string;
  department?: string;
  subtree?: string;
  sections?: string;
  table?: string;
  'include-people'?: boolean;
  json?: boolean;
  org?: string;
}

/** Checks the export flags before any database is opened (exit 2 on usage errors). */
export function checkExportArgs(v: ExportFlags): ReportParams {
  if (!v.format) throw new CliUsageError('--format pdf|xlsx|csv is required.');
  if (!v.out) throw new CliUsageError('--out PATH is required.');
  if (v.department && v.subtree) throw new CliUsageError('Use --department or --subtree, not both.');
  try {
    return parseReportParams({
      format: v.format,
      asOf: v['as-of'],
      compareTo: v['compare-to'],
      scope: v.subtree
        ? { kind: 'subtree', subtree: v.subtree }
        : v.department
          ? { kind: 'department', department: v.department }
          : { kind: 'org' },
      ...(v.sections
        ? {
            sections: v.sections
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          }
        : {}),
      includePeople: !!v['include-people'],
      table: v.table,
    });
  } catch (err) {
    if (err instanceof DalError) throw new CliUsageError(err.message);
    throw err;
  }
}

/**
 * `export --format pdf|xlsx|csv --out PATH [--as-of] [--compare-to] [--subtree ID | --department NAME]
 * [--sections overview,structure,...] [--table ID] [--include-people] [--json]`: the same report the
 * Reports page builds, written to a file and recorded in the audit log.
 */
export async function runExport(v: ExportFlags): Promise<number> {
  const params = checkExportArgs(v);
  const out = path.resolve(v.out ?? '');
  try {
    let last = -1;
    const started = Date.now();
    const report = await generateReport(await cliActor(v.org), params, {
      onProgress: (pct, stage) => {
        if (pct !== last)
          log(`${String(pct).padStart(3)}% ${stage} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        last = pct;
      },
    });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, report.bytes);
    const result = {
      file: out,
      format: params.format,
      bytes: report.bytes.length,
      asOf: report.document.meta.asOf,
      scope: report.document.meta.scopeLabel,
      sections: report.document.sections.map((s) => s.id),
    };
    printResult(!!v.json, result, `wrote ${out} (${report.bytes.length.toLocaleString('en')} bytes)`);
    return 0;
  } catch (err) {
    if (err instanceof DalError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
