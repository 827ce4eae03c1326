// Reading OOXML packages (.docx / .xlsx) safely: only the entries asked for are inflated, and the declared
// uncompressed sizes are capped before anything is inflated (fflate then writes into a buffer of exactly
// the declared size, so a lying header cannot make it grow: it truncates and the XML fails to parse).

import { unzipSync } from 'fflate';
import { documentError } from './errors';

export interface ZipLimits {
  /** Largest accepted input file in bytes. */
  maxFileBytes: number;
  /** Largest declared uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Largest declared uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Most entries in the package. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntries: 5000,
};

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Names of all entries (nothing inflated). */
export function zipEntryNames(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): string[] {
  const names: string[] = [];
  safeUnzip(
    bytes,
    (n) => {
      names.push(n);
      return false;
    },
    limits,
  );
  return names;
}

/** Inflates the entries `want` selects, after checking every entry's declared size against the limits. */
export function safeUnzip(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Record<string, Uint8Array> {
  if (bytes.length > limits.maxFileBytes) throw documentError('TOO_LARGE');
  let total = 0;
  let entries = 0;
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        entries++;
        total += f.originalSize;
        if (
          entries > limits.maxEntries ||
          f.originalSize > limits.maxEntryBytes ||
          total > limits.maxTotalBytes
        ) {
          throw documentError('ZIP_BOMB');
        }
        return want(f.name);
      },
    });
  } catch (e) {
    if (e instanceof Error && e.name === 'DocumentError') throw e;
    throw documentError('CORRUPT', e instanceof Error ? e.message : undefined);
  }
}

/** UTF-8 XML text of an entry; rejects DOCTYPE / ENTITY declarations (XXE, billion laughs). */
export function xmlText(data: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(data);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw documentError('XML_ENTITY');
  return text;
}
