import { describe, expect, it } from 'vitest';
import { DEMO_TARGETS } from '@/cli/demo/target-values';
import { DEPARTMENTS } from '@/cli/demo/departments';

describe('demo targets', () => {
  it('seed a span range, a layer limit and engineering overrides for departments the demo has', () => {
    expect(DEMO_TARGETS.org).toEqual({ spanMin: 5, spanMax: 10, maxLayers: 6 });
    const names = new Set(DEPARTMENTS.map((d) => d.name));
    for (const [name, t] of Object.entries(DEMO_TARGETS.departments)) {
      expect(names.has(name)).toBe(true);
      expect(t).toEqual({ spanMin: 6, spanMax: 8 });
    }
    expect(Object.keys(DEMO_TARGETS.departments)).toHaveLength(2);
  });
});
