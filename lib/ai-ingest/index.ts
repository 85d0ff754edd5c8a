/** Public surface of lib/ai-ingest: AI-usage files (generic CSV, GitHub Copilot, Cursor, Claude Code, Windsurf) -> canonical records. */
export { parseAiFiles } from './parse-ai-files';
export type { AiParseOptions } from './parse-ai-files';
export { detectAiFormat } from './detection';
export type { AiDetection } from './detection';
export type { AiUploadFile } from './read-file';
export { COPILOT_PLAN_PRICES } from './seats';
export type * from './types';
