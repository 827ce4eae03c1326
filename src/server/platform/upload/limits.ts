// The upload gateway's limits. Two profiles: `stored` for what is kept as an attachment (checked at upload), and
// `import` for what is parsed into records (notices, unit and user sheets), which is read more strictly again.
import { AppError } from '../errors';

export interface UploadLimits {
  /** Largest file as uploaded. */
  maxFileBytes: number;
  /** Most entries in a zip package. */
  maxEntries: number;
  /** Largest inflated size of one entry, declared and actual. */
  maxEntryBytes: number;
  /** Largest inflated size of all entries together, declared and actual. */
  maxTotalBytes: number;
  /** Highest inflated:compressed ratio of an entry larger than 1 MB (deflate bombs reach ~1000). */
  maxRatio: number;
  /** Most rows in one worksheet, and cells in the whole workbook (counted while inflating). */
  maxSheetRows: number;
  maxCells: number;
  /** Most pixels (width × height) an image's header may declare; checked before anything decodes it. */
  maxPixels: number;
  /** Wall-clock limit of one parse, and the worker's heap. */
  timeoutMs: number;
  heapMb: number;
}

const MB = 1024 * 1024;

export const STORED_LIMITS: UploadLimits = {
  maxFileBytes: 50 * MB,
  maxEntries: 5000,
  maxEntryBytes: 100 * MB,
  maxTotalBytes: 150 * MB,
  maxRatio: 200,
  maxSheetRows: 100_000,
  maxCells: 2_000_000,
  maxPixels: 40_000_000,
  timeoutMs: 30_000,
  heapMb: 512,
};

export const IMPORT_LIMITS: UploadLimits = {
  ...STORED_LIMITS,
  maxEntries: 2000,
  maxEntryBytes: 32 * MB,
  maxTotalBytes: 48 * MB,
  maxSheetRows: 20_000,
  maxCells: 400_000,
};

export type Profile = 'stored' | 'import';
export const PROFILES: Record<Profile, UploadLimits> = { stored: STORED_LIMITS, import: IMPORT_LIMITS };

/** Settings of the gateway (set once by the app from Config). */
export const gatewaySettings: { clamd: string | null; timeoutMs: number | null; workers: number } = {
  clamd: null,
  timeoutMs: null,
  workers: 2,
};

export function configureUploads(c: { clamd: string | null; uploadTimeoutMs: number | null }): void {
  gatewaySettings.clamd = c.clamd;
  gatewaySettings.timeoutMs = c.uploadTimeoutMs;
}

/** A refusal of the gateway: a 4xx with a Chinese message (serialisable across the worker boundary). */
export class UploadRefused extends AppError {}

export const refuse = (message: string, code: 'VALIDATION' | 'PAYLOAD_TOO_LARGE' = 'VALIDATION') =>
  new UploadRefused(code, message);
