// Runs in a child process of `gongkai start` / `gongkai build-admin` (admin-build.ts): the Vite build and the
// compression of its output. Rollup's memory (≈ 1.4 GB for the console) goes with the child when it exits.
import path from 'node:path';
import { build } from 'vite';
import { precompressDir } from './platform/http/precompress';

const ROOT = path.resolve(import.meta.dirname, '../..');
await build({ configFile: path.join(ROOT, 'vite.admin.config.ts'), logLevel: 'warn', mode: 'production' });
const r = precompressDir(path.join(ROOT, 'dist/admin'));
console.log(
  `已压缩 ${r.files} 个文件：${(r.bytes / 1e6).toFixed(2)} MB → brotli ${(r.brBytes / 1e6).toFixed(2)} MB，gzip ${(r.gzBytes / 1e6).toFixed(2)} MB`,
);
