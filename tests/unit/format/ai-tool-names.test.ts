import { describe, expect, it } from 'vitest';
import { toolName } from '@/lib/ai-tool-names';

describe('AI tool names', () => {
  it('names each imported tool as its users know it, and keeps an unknown tool as written', () => {
    expect(toolName('copilot')).toBe('GitHub Copilot');
    expect(toolName('claude-code')).toBe('Claude Code');
    expect(toolName('cursor')).toBe('Cursor');
    expect(toolName('windsurf')).toBe('Windsurf');
    expect(toolName('Tabnine')).toBe('Tabnine');
    // a generic CSV without a tool column: the page read "other"
    expect(toolName('other')).toBe('Unnamed tool');
  });
});
