/**
 * Hands records to a consumer while the file is still being read, so the database can load them
 * (COPY) during the parse instead of after it. A record is only handed over when nothing later in
 * the file can change it: one CSV source, one as-of group, a format whose rows are people, and
 * dates written so that day-first and month-first readings agree (ISO dates always do). Whatever
 * breaks that promise (a second as-of label, a d/m/y date, a worksheet, a re-read as Windows-1252)
 * stops the stream; finalisation then tells whether the handed-over records are exactly the
 * snapshot's records (no duplicate dropped, managers given by id). When they are not, the consumer
 * throws away what it loaded and stores the finalised records instead.
 */
import type { OrgRecord } from '@/lib/metrics/types';
import type { OrgFormat, ParsedSnapshot } from './types';

/** Receives each record with its dates already in their final ISO form. */
export type RecordSink = (record: OrgRecord, hireDate: string | null, levelStartDate: string | null) => void;

/** Formats whose every kept row is one record as read (no junior aggregation, no synthetic root). */
const STREAMABLE_FORMATS: ReadonlySet<OrgFormat> = new Set(['hris', 'id-parent', 'drawio']);

/** Why a stream stopped (for tests and diagnostics). */
export type StreamStop =
  'format' | 'several-groups' | 'date-order' | 'workbook' | 'encoding' | 'several-files';

/** One upload's record stream. */
export class RecordStream {
  /** Records handed to the sink so far. */
  emitted = 0;
  private stop: StreamStop | null = null;

  constructor(private readonly sink: RecordSink) {}

  /** Why the stream stopped, or null while it still holds. */
  get stopped(): StreamStop | null {
    return this.stop;
  }

  /** Stop handing records over; what was handed over will be discarded. */
  end(reason: StreamStop): void {
    this.stop ??= reason;
  }

  /** The source's format, once its header is read. */
  checkFormat(format: OrgFormat): void {
    if (!STREAMABLE_FORMATS.has(format)) this.end('format');
  }

  /**
   * Hand one freshly read record over, with its final dates (false when a date's reading depends on
   * the column's d/m/y order, which only the whole file decides: the stream stops).
   */
  emit(record: OrgRecord, hire: string | null | false, levelStart: string | null | false): void {
    if (this.stop !== null) return;
    if (hire === false || levelStart === false) {
      this.end('date-order');
      return;
    }
    this.sink(record, hire, levelStart);
    this.emitted += 1;
  }

  /**
   * True when the records handed over are exactly the finalised snapshot's records, in order and
   * with the same values: then nothing needs to be loaded again.
   */
  matches(snapshots: readonly ParsedSnapshot[]): boolean {
    const only = snapshots[0];
    if (this.stop !== null || snapshots.length !== 1 || only === undefined) return false;
    // A resolution other than the default root for missing managers changes records after the read.
    const resolved = Object.entries(only.resolutions).some(
      ([c, a]) => c !== 'manager-not-found' || a !== 'root',
    );
    return (
      !resolved &&
      only.records.length === this.emitted &&
      only.stats.duplicates === 0 &&
      only.managerRef === 'id'
    );
  }
}
