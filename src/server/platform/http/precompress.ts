// Static files compressed once, at build time (issue 15 parts 4–5): next to every compressible file of a directory
// its .br (quality 11) and .gz (level 9), which serveStatic({ precompressed: true }) sends to clients that take them.
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|wasm)$/;
/** Smaller files gain less than the header costs [I]. */
const MIN_BYTES = 1024;

export interface PrecompressResult {
  files: number;
  bytes: number;
  brBytes: number;
  gzBytes: number;
}

export function precompressDir(dir: string): PrecompressResult {
  const out: PrecompressResult = { files: 0, bytes: 0, brBytes: 0, gzBytes: 0 };
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (COMPRESSIBLE.test(e.name)) {
        const data = fs.readFileSync(p);
        if (data.length < MIN_BYTES) continue;
        const br = brotliCompressSync(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        });
        const gz = gzipSync(data, { level: 9 });
        fs.writeFileSync(`${p}.br`, br);
        fs.writeFileSync(`${p}.gz`, gz);
        out.files++;
        out.bytes += data.length;
        out.brBytes += br.length;
        out.gzBytes += gz.length;
      }
    }
  };
  walk(dir);
  return out;
}
