import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsJson } from '../server/platform/documents/attachment-text';
import { checkFile } from './disclosure';

describe('review check FILE', () => {
  it.each([
    // A name next to a phone is a non-blocking finding (the reviewer decides); one-click masking leaves it.
    [
      '名单.txt',
      '联系人张三，电话 13812345678。',
      [
        ['personal_name', '张三', '张三', false],
        ['mobile', '13812345678', '138****5678', true],
      ],
    ],
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

describe('review check FILE --links', () => {
  it('reports the 404 link as broken and the 200 one only as not https', async () => {
    const server = http.createServer((req, res) => res.writeHead(req.url === '/ok' ? 200 : 404).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const file = path.join(os.tmpdir(), `${process.pid}-links.txt`);
    fs.writeFileSync(file, `详见 ${base}/ok 与 ${base}/gone 。`);
    try {
      const kinds = async (probe?: { allowPrivate: boolean }) =>
        (await checkFile(file, {}, probe)).map((f) => [f.kind, f.text.replace(base, '')]);
      expect(await kinds({ allowPrivate: true })).toEqual([
        ['insecure_link', '/ok'],
        ['broken_link', '/gone'],
      ]);
      // Without --links, or with private addresses denied (the default), nothing is fetched.
      const plain = [
        ['insecure_link', '/ok'],
        ['insecure_link', '/gone'],
      ];
      expect(await kinds()).toEqual(plain);
      expect(await kinds({ allowPrivate: false })).toEqual(plain);
    } finally {
      fs.rmSync(file);
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
