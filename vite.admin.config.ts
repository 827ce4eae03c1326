import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The admin console SPA. No @vitejs/plugin-react: esbuild's automatic JSX runtime is all a production build
// needs (no fast refresh in dev, which is acceptable here). The server serves dist/admin at /admin/.
const root = fileURLToPath(new URL('./src/admin', import.meta.url));

function chunkFor(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
  if (/node_modules\/(react|react-dom|scheduler|react-router|@tanstack)\//.test(id)) return 'react';
  // One module per icon: left to Rollup, so an icon lands in the chunk of the pages that use it (the editor's
  // toolbar icons load with the editor, not with the console's first load).
  if (/node_modules\/@ant-design\/icons(-svg)?\/(es|lib)\/(icons\/|asn\/|index\.js)/.test(id))
    return undefined;
  // antd's theme engine and the modules every screen needs stay together; its components are left to Rollup, so
  // that the first screen loads only the components of the layout, the login and the home page (one antd chunk of
  // 1.1 MB was parsed before anything showed, issue 15 part 5), and a page's own components come with it.
  if (/node_modules\/(@ant-design\/(cssinjs|colors|fast-color)|dayjs)\//.test(id)) return 'antd';
  if (/node_modules\/(@ant-design|antd|rc-[^/]+|@rc-component)\//.test(id)) return undefined;
  // The rich-text editor (loaded lazily by components/RichTextField) and what only it uses.
  if (
    /node_modules\/(@tiptap|prosemirror-[^/]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs|@floating-ui|fast-equals|use-sync-external-store)\//.test(
      id,
    )
  )
    return 'editor';
  return 'vendor';
}

/**
 * boot.ts is an entry of its own, loaded by an async module script at the top of the page's head: it has no
 * dependency on React or antd, so it runs as soon as its few kilobytes arrive and sends the first screen's GETs
 * while the console's 1.3 MB of JavaScript is still loading and compiling. In the same entry as main.tsx it ran only
 * after all of that (the requests left about 1.4 s into a cold ledger load, bench/README.md). main.tsx imports the
 * same early.ts, so both share its module instance and the console takes the answers.
 */
function asyncBoot(): Plugin {
  return {
    name: 'gongkai-async-boot',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === 'boot',
        );
        if (!boot) return [];
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `/admin/${boot.fileName}` },
            injectTo: 'head-prepend', // first in the head: the first request the page makes
          },
        ];
      },
    },
  };
}

/**
 * page-preloads.json: for each route of admin/pages.ts, the files of the page's code that the main bundle does not
 * already load. The server lists them as modulepreload links in the index.html it sends for that address
 * (platform/http/console-index.ts), so a page opened from its address (a bookmark, a reload, a link in a
 * notification) loads its code beside the main bundle instead of after it has run.
 */
function pagePreloads(): Plugin {
  return {
    name: 'gongkai-page-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const source = fs.readFileSync(path.join(root, 'pages.ts'), 'utf8');
      // The page table's entries, one per line: '/path': () => import('./features/…/Page'),
      const routes = [...source.matchAll(/^\s*'([^']+)':\s*\(\)\s*=>\s*import\('([^']+)'\)/gm)];
      const imports = source.match(/import\(/g)?.length ?? 0;
      if (routes.length === 0 || routes.length !== imports)
        throw new Error(
          `pages.ts: ${imports} 个 import()，只认出 ${routes.length} 条页面（page-preloads.json）`,
        );
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (fileName: string, seen = new Set<string>()) => {
        if (seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const dep of byName.get(fileName)?.imports ?? []) closure(dep, seen);
        return seen;
      };
      const main = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith('index.html'));
      if (!main) throw new Error('找不到管理后台的主入口（page-preloads.json）');
      const loaded = closure(main.fileName);
      const map: Record<string, string[]> = {};
      for (const [, route, module] of routes) {
        const id = path.join(root, `${module}.tsx`);
        const chunk = chunks.find((c) => c.facadeModuleId === id);
        if (!chunk) throw new Error(`页面 ${route} 的代码 ${module} 没有单独的文件（page-preloads.json）`);
        map[route!] = [...closure(chunk.fileName)].filter((f) => !loaded.has(f));
      }
      this.emitFile({ type: 'asset', fileName: 'page-preloads.json', source: JSON.stringify(map) });
    },
  };
}

export default defineConfig({
  plugins: [asyncBoot(), pagePreloads()],
  root,
  base: '/admin/',
  // Keep the dev pre-bundle cache in this checkout: node_modules may be shared between checkouts.
  cacheDir: fileURLToPath(new URL('./.tmp/vite-admin', import.meta.url)),
  esbuild: { jsx: 'automatic' },
  server: {
    // During `vite` dev, forward the API to a locally running server (gongkai start); GONGKAI_API overrides.
    proxy: { '/api': process.env.GONGKAI_API ?? 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: '../../dist/admin',
    emptyOutDir: true,
    sourcemap: process.env.ADMIN_SOURCEMAP === '1',
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    rollupOptions: {
      input: { index: `${root}/index.html`, boot: `${root}/boot.ts` },
      output: { manualChunks: chunkFor },
      onwarn(warning, warn) {
        // antd ships "use client" directives for React Server Components; meaningless in a SPA bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        // zod 4 places a /* @__PURE__ */ comment where Rollup cannot use it (the comment is dropped, nothing else
        // changes); a dependency's own comment, not something a person starting Gongkai can act on.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
        warn(warning);
      },
    },
  },
});
