// .doc / .wps are read by converting them to .docx with LibreOffice, when it is installed (detected at run time).
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors';

const run = promisify(execFile);
let found: string | null | undefined;

export async function libreOfficeBinary(): Promise<string | null> {
  if (found !== undefined) return found;
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      await run('which', [bin]);
      found = bin;
      return bin;
    } catch {
      // try next
    }
  }
  found = null;
  return null;
}

export async function convertToDocx(bytes: Uint8Array, ext: 'doc' | 'wps'): Promise<Uint8Array> {
  const bin = await libreOfficeBinary();
  if (!bin) {
    throw new AppError(
      'VALIDATION',
      '读取 .doc/.wps 文件需要安装 LibreOffice（Debian：apt-get install libreoffice-writer），或请另存为 .docx 后上传',
    );
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gk-lo-'));
  try {
    const src = path.join(dir, `input.${ext}`);
    await fs.writeFile(src, bytes);
    await run(
      bin,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'docx',
        '--outdir',
        dir,
        src,
      ],
      {
        timeout: 120_000,
      },
    );
    return new Uint8Array(await fs.readFile(path.join(dir, 'input.docx')));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', '文件无法转换：可能已损坏或不是 Word/WPS 文档');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
