import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes .br and .gz beside compressible files of at least 1 KB, in subfolders too', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-precompress-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    const js = 'export const a = "政务公开";\n'.repeat(200);
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), js);
    fs.writeFileSync(path.join(dir, 'small.css'), 'a{}');
    fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.alloc(4096, 1));
    const r = precompressDir(dir);
    expect(r.files).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['assets', 'logo.png', 'small.css']);
    const br = fs.readFileSync(path.join(dir, 'assets', 'app.js.br'));
    const gz = fs.readFileSync(path.join(dir, 'assets', 'app.js.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(js);
    expect(gunzipSync(gz).toString()).toBe(js);
    expect(br.length).toBeLessThan(Buffer.byteLength(js) / 10);
    expect(r.brBytes).toBe(br.length);
  });
});
