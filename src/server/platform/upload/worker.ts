// Inside an upload worker: screen again, inflate every entry with the caps, then run the asked-for parser.
// Errors go back as { code, message } (AppError and DocumentError keep their Chinese message; anything else is a
// generic refusal, so no stack or internals reach a response).
import { parentPort } from 'node:worker_threads';
import type { Finding } from '../../../domain/review/types';
import type { ExtractLimits } from '../documents/attachment-text';
import { DocumentError } from '../documents/errors';
import { isZip, type ZipLimits } from '../documents/zip';
import { AppError } from '../errors';
import { inflateChecked } from './inflate';
import { PROFILES, type UploadLimits } from './limits';
import type { TaskMessage, TaskReply } from './pool';
import { screenUpload } from './screen';

const zipLimits = (l: UploadLimits): ZipLimits => ({
  maxFileBytes: l.maxFileBytes,
  maxEntryBytes: l.maxEntryBytes,
  maxTotalBytes: l.maxTotalBytes,
  maxEntries: l.maxEntries,
});
const extractLimits = (l: UploadLimits): ExtractLimits => ({
  maxEntryBytes: l.maxEntryBytes,
  maxTotalBytes: l.maxTotalBytes,
  maxPdfPages: 2000,
});

/** Stored attachments: inflated with the caps (the caller's, in tests), then read by the attachment reader. */
async function readStored(m: TaskMessage): Promise<unknown> {
  // Loaded on first use: a worker starts fast and only pays for the readers it runs.
  const { extractAttachmentTextHere, maskAttachmentHere } = await import('../documents/attachment-text');
  const a = (m.args ?? {}) as { limits?: ExtractLimits; findings?: Finding[] };
  const base = PROFILES.stored;
  const limits = a.limits
    ? { ...base, maxEntryBytes: a.limits.maxEntryBytes, maxTotalBytes: a.limits.maxTotalBytes }
    : base;
  if (isZip(m.bytes)) inflateChecked(m.bytes, limits);
  const el = a.limits ?? extractLimits(limits);
  if (m.task === 'strip') {
    const { stripHiddenContent } = await import('../documents/strip-hidden');
    return stripHiddenContent(m.bytes, m.name, zipLimits(limits));
  }
  return m.task === 'extract'
    ? extractAttachmentTextHere(m.bytes, m.name, el)
    : maskAttachmentHere(m.bytes, m.name, a.findings ?? [], el);
}

async function run(m: TaskMessage): Promise<unknown> {
  if (m.task === 'extract' || m.task === 'mask' || m.task === 'strip') return readStored(m);
  const limits = PROFILES[m.profile];
  const screened = screenUpload(m.bytes, m.name, limits);
  if (screened.entries) inflateChecked(m.bytes, limits, { refuseDtd: m.task !== 'inspect' });
  switch (m.task) {
    case 'inspect':
      return { kind: screened.kind };
    case 'document': {
      const { readDocument } = await import('../documents/read');
      return readDocument(m.bytes, m.name, { limits: zipLimits(limits) });
    }
    case 'table': {
      const { readTableHere } = await import('./table');
      const a = m.args as { required: string[]; optional: string[] };
      return readTableHere(m.bytes, a.required, a.optional);
    }
    default:
      throw new Error(`unknown task ${m.task}`);
  }
}

parentPort?.on('message', (m: TaskMessage) => {
  run(m).then(
    (value) => parentPort?.postMessage({ id: m.id, ok: true, value } satisfies TaskReply),
    (e: unknown) => {
      const error =
        e instanceof AppError
          ? { code: e.code, message: e.message, details: e.details }
          : e instanceof DocumentError
            ? { code: 'VALIDATION', message: e.message }
            : { code: 'VALIDATION', message: '文件无法处理：可能已损坏或格式不符' };
      parentPort?.postMessage({ id: m.id, ok: false, error } satisfies TaskReply);
    },
  );
});
