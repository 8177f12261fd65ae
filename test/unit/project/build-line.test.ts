import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResolvedConfig, UserConfig } from 'vite';
import { buildLinePlugin } from '../../../scripts/build-line';
import viteConfig from '../../../vite.config';

type Hook = (this: unknown, ...args: unknown[]) => void;

/** Run the plugin's hooks as a build at `logLevel` into `outDir` would; returns what it wrote to standard output. */
function build(logLevel: ResolvedConfig['logLevel'], outDir: string): string {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  const plugin = buildLinePlugin();
  (plugin.configResolved as Hook).call(null, { logLevel, root: '/repo', build: { outDir } });
  (plugin.buildStart as Hook).call(null, {});
  const close = plugin.closeBundle as Hook | { handler: Hook };
  (typeof close === 'function' ? close : close.handler).call(null);
  spy.mockRestore();
  return written.join('');
}

describe('the build line of npm start', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is one line at --logLevel warn: the output folder when the build starts, the time taken when it ends', () => {
    expect(build('warn', '/repo/dist')).toMatch(/^building the app into dist\/ … done in \d+\.\d s\n$/);
    expect(build('warn', '/tmp/elsewhere')).toMatch(/^building the app into \/tmp\/elsewhere\/ … done in /);
  });

  it('is written last, after the other plugins have finished the build (the .gz files among them)', () => {
    expect(buildLinePlugin().closeBundle).toMatchObject({ order: 'post', sequential: true });
  });

  it('is not written at the default level, where Vite reports the build itself', () => {
    expect(build('info', '/repo/dist')).toBe('');
  });

  it('is what npm start shows: the build runs at --logLevel warn without the bundler timing report', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.start).toMatch(/^vite build --logLevel warn && vite preview /);
    const config = viteConfig as UserConfig;
    expect(config.build?.rolldownOptions?.checks?.bundlerTimings).toBe(false);
    expect(config.plugins?.flat().some((p) => p && typeof p === 'object' && 'name' in p && p.name === 'service-circles:build-line')).toBe(true);
  });
});
