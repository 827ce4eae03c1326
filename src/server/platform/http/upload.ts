import type { Context } from 'hono';
import { unknownFieldsMessage } from '../../../contracts/unknown-fields';
import type { AppEnv } from '../context';
import { AppError } from '../errors';
import { acceptUpload } from '../upload/gateway';
import { takeUploadQuota } from '../upload/quota';

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/**
 * Reads the multipart `file` field and passes it through the upload gateway (platform/upload). Size is capped by
 * the bodyLimit middleware and checked again here.
 */
export async function readUpload(c: Context<AppEnv>, maxBytes: number, field = 'file'): Promise<Upload> {
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody();
  } catch {
    throw new AppError('VALIDATION', '上传内容无法解析，请重新选择文件');
  }
  // The one field an upload has: any other is refused, as an unknown JSON field is (SECURITY.md 20).
  const extra = Object.keys(form).filter((k) => k !== field);
  if (extra.length) throw new AppError('VALIDATION', unknownFieldsMessage(extra));
  const f = form[field];
  const file = Array.isArray(f) ? f[0] : f;
  if (!file || typeof file === 'string') throw new AppError('VALIDATION', '请选择要上传的文件');
  if (file.size === 0) throw new AppError('VALIDATION', '文件为空');
  if (file.size > maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `文件过大（${(file.size / 1048576).toFixed(1)} MB），上限为 ${Math.floor(maxBytes / 1048576)} MB`,
    );
  }
  // The account's daily quota (files and bytes) is taken before the file is read further or stored.
  const user = c.get('user');
  if (user) await takeUploadQuota(c.get('limiter'), user.id, file.size);
  const upload = { name: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()) };
  // The one gateway: type, macros, polyglots, zip bombs, sheet sizes (in a worker), optional virus scan.
  await acceptUpload(upload);
  return upload;
}

/** Content-Disposition for a download with a Chinese file name (RFC 5987). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function fileResponse(bytes: Uint8Array | ArrayBuffer, filename: string, mime: string): Response {
  return new Response(bytes as BodyInit, {
    headers: {
      'Content-Type': mime,
      'Content-Disposition': attachment(filename),
      'Cache-Control': 'no-store',
    },
  });
}
