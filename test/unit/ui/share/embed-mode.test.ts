import { describe, expect, it } from 'vitest';
import { readEmbedMode } from '../../../../src/ui/share/embed-mode';

describe('readEmbedMode', () => {
  it('shows everything outside embed mode', () => {
    expect(readEmbedMode('')).toEqual({ embed: false, tools: true });
    expect(readEmbedMode('?tools=0')).toEqual({ embed: false, tools: true });
  });

  it('hides the tools in embed mode unless tools=1', () => {
    expect(readEmbedMode('?embed=1')).toEqual({ embed: true, tools: false });
    expect(readEmbedMode('?embed=1&tools=1')).toEqual({ embed: true, tools: true });
    expect(readEmbedMode('?embed=true&tools=yes')).toEqual({ embed: true, tools: true });
  });

  it('treats other values as off', () => {
    expect(readEmbedMode('?embed=0')).toEqual({ embed: false, tools: true });
    expect(readEmbedMode('?embed=no&tools=1')).toEqual({ embed: false, tools: true });
    expect(readEmbedMode('?embed=1&tools=maybe')).toEqual({ embed: true, tools: false });
  });
});
