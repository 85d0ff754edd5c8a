/** Public surface of lib/ingest: org-snapshot uploads -> validated OrgRecord snapshots. */
export { parseOrgUpload } from './parse-upload';
export { streamOrgRecords, DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS } from './stream-org-records';
export type { StreamedFile, StreamOptions } from './stream-org-records';
export type { CollectedSource } from './source-collector';
export { previewFile } from './preview';
export type { FilePreview } from './preview';
export { mapHeaders } from './header-mapping';
export type { HeaderMapping } from './header-mapping';
export { detectFormat } from './detect-format';
export { readCsvRows } from './csv-rows';
export { decodeBytes } from './decode';
export { dateFromFileName, resolveFileAsOf } from './as-of';
export { parseSnapshotLabel, parseDate } from './dates';
export { parseNumber } from './cell-values';
export { statusFromName, statusFromValue } from './position-status';
export { IngestError } from './errors';
export { LOGICAL_FIELDS } from './types';
export type {
  Issue,
  LogicalField,
  ManagerRef,
  MappingOverride,
  OrgFormat,
  ParseOptions,
  ParsedSnapshot,
  SnapshotStats,
  UploadFile,
  UploadResult,
} from './types';
