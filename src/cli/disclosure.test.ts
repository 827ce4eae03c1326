import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsJson } from '../server/platform/documents/attachment-text';
import { checkFile } from './disclosure';

describe('review check FILE', () => {
  it.each([
    ['名单.txt', '联系人张三，电话 13812345678。', [['mobile', '13812345678', '138****5678', true]]],
    ['说明.md', '本文件为秘密★1年。', [['secrecy_mark', '秘密★1年', '*****', true]]],
    ['正常.txt', '揭开秘密的面纱：电话号码 0101234567890123 不是手机号。', []],
  ])('%s', async (name, text, expected) => {
    const file = path.join(os.tmpdir(), `${process.pid}-${name}`);
    fs.writeFileSync(file, text);
    try {
      const json = findingsJson(await checkFile(file));
      expect(json.findings.map((f) => [f.kind, f.text, f.masked, f.blocking])).toEqual(expected);
      for (const f of json.findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    } finally {
      fs.rmSync(file);
    }
  });
});
