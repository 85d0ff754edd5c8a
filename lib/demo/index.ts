/** Public surface of the demo-company generator (pure; the fs writer is lib/demo/write.ts). */
export {
  DEMO_DEFAULTS,
  generateDemoCompany,
  resolveDemoOptions,
  type DemoOptions,
  type DemoProgress,
  type DemoSink,
  type DemoSnapshotSummary,
  type DemoSummary,
} from '@/lib/demo/generate';
export { createMemorySink, type MemorySink } from '@/lib/demo/memory-sink';
export { ORG_HEADER } from '@/lib/demo/org-csv';
export { AI_USAGE_HEADER, adoptionCurve } from '@/lib/demo/ai-usage';
