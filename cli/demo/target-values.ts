/**
 * Span and layer targets for the demo company (seeded once by scripts/demo-main.ts through the
 * audited targets update), so its off-target views have something to show from the first start.
 * Values from the references the Targets page offers: a span of 5-10 (McKinsey's "coach" to
 * "supervisor" archetypes) and at most 6 layers; the two engineering departments keep to the
 * 1:6-8 manager-to-engineer ratio common in engineering.
 */
export const DEMO_TARGETS = {
  org: { spanMin: 5, spanMax: 10, maxLayers: 6 },
  departments: {
    'Platform Engineering': { spanMin: 6, spanMax: 8 },
    'Product Engineering': { spanMin: 6, spanMax: 8 },
  },
};
