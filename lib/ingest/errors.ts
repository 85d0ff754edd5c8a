/**
 * A whole file cannot be read (binary, empty, no header, missing required column, over a limit).
 * Thrown inside the readers; parseOrgUpload turns it into a file-level Issue, so nothing is stored.
 */
import type { Issue } from './types';
import { boundMessage, clip } from './limits';

/** Refusal of one file, with a stable code and a message that says what was missing and what was found. */
export class IngestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { column?: string; row?: number } = {},
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

/** The file-level issue shown for a refused file. */
export function toFileIssue(error: unknown, file: string): Issue {
  if (error instanceof IngestError) {
    return {
      severity: 'error',
      code: error.code,
      message: boundMessage(`${clip(file)}: ${error.message}`),
      file,
      ...error.details,
    };
  }
  // Unexpected failures are reported without internal text (STYLE.md: never leak internals).
  return {
    severity: 'error',
    code: 'unreadable-file',
    message: `${file}: the file could not be read.`,
    file,
  };
}
