/** Org design scenarios (issue #14): pure operations on a copy of a snapshot's records. */
export * from './operations';
export * from './apply';
export * from './changes';
export * from './larger-edits';
export * from './scope';
export * from './cost';
export * from './requests';
export * from './prepare';
export * from './ceiling-risk';
