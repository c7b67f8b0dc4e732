import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, workspaceRoot } from '@coachflow/dev-stack';

/** The benchmark pages of bench/web-pages, by name (each `<name>.html`). */
export type BenchPage = 'empty' | 'form-ours' | 'form-rjsf' | 'builder';
const PAGES: readonly BenchPage[] = ['empty', 'form-ours', 'form-rjsf', 'builder'];

export interface ServedBenchPages {
  urlOf(page: BenchPage): string;
  close(): Promise<void>;
}

/**
 * Builds bench/web-pages with Vite's JS API and the web app's own Vite configuration (same aliases, same
 * minifier, same React), into a temporary folder, and serves it with `vite preview` on a free port. The
 * empty React page beside the app's pages is the baseline of its initial JS, built the same way in the
 * same run.
 */
export async function buildAndServeBenchPages(say: (line: string) => void): Promise<ServedBenchPages> {
  // Vite is an ES module; this file is CommonJS, so it is loaded with import().
  const vite = await import('vite');
  const root = workspaceRoot(__dirname);
  const pagesRoot = join(root, 'bench/web-pages');
  const outDir = mkdtempSync(join(tmpdir(), 'coachflow-bench-pages-'));
  say(`building the benchmark pages (${PAGES.join(', ')}) with Vite into ${outDir}`);
  await vite.build({
    configFile: join(root, 'apps/web/vite.config.ts'),
    root: pagesRoot,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      // Bench pages are never shipped; the app's own build reports its chunk sizes.
      chunkSizeWarningLimit: 100_000,
      rollupOptions: {
        input: Object.fromEntries(PAGES.map((page) => [page, join(pagesRoot, `${page}.html`)])),
      },
    },
  });
  const port = await freePort();
  const server = await vite.preview({
    configFile: false,
    root: pagesRoot,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return {
    urlOf: (page) => `http://127.0.0.1:${port}/${page}.html`,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
