// The one upload gateway (issue 10 part 4). Every upload (readUpload) and every parse of an uploaded or stored
// file (notices, unit and user sheets, attachment text and masking) passes here:
//   1. screen (main thread, nothing inflated): type by bytes and name, executables, macros, polyglots, the zip
//      directory's entry count, declared sizes and ratios, zip slip and symlinks;
//   2. in a worker with a heap limit and a time limit: every entry really inflated with caps, DTDs, macro content
//      types, worksheet rows and cells counted in the stream — then the parser itself;
//   3. when GONGKAI_CLAMD is set, a ClamAV scan.
// Refusals are AppErrors (4xx) with Chinese messages.
import { AppError } from '../errors';
import { clamdScan } from './clamd';
import { gatewaySettings, PROFILES, type Profile, refuse } from './limits';
import { runTask } from './pool';
import { type Screened, screenUpload } from './screen';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export type ParseTask = 'document' | 'table';

const timeout = (profile: Profile) => gatewaySettings.timeoutMs ?? PROFILES[profile].timeoutMs;

/** Bytes that already passed acceptUpload (a stored upload is not scanned twice). */
const accepted = new WeakSet<Uint8Array>();

/** Accepts an upload for storing or parsing, or throws the refusal. */
export async function acceptUpload(file: UploadedFile, profile: Profile = 'stored'): Promise<Screened> {
  if (accepted.has(file.bytes)) return screenUpload(file.bytes, file.name, PROFILES[profile]);
  const screened = screenUpload(file.bytes, file.name, PROFILES[profile]);
  if (screened.entries) {
    await runTask({ task: 'inspect', name: file.name, bytes: file.bytes, profile }, timeout(profile));
  }
  if (gatewaySettings.clamd) {
    const virus = await clamdScan(gatewaySettings.clamd, file.bytes);
    if (virus) throw refuse(`文件未通过病毒扫描（${virus}），已拒绝`);
  }
  accepted.add(file.bytes);
  return screened;
}

/** Screens, then parses in a worker; the worker inflates and checks again before the parser sees the file. */
export async function parseUpload<T>(
  task: ParseTask,
  file: UploadedFile,
  args?: unknown,
  profile: Profile = 'import',
): Promise<T> {
  screenUpload(file.bytes, file.name, PROFILES[profile]);
  return (await runTask({ task, name: file.name, bytes: file.bytes, profile, args }, timeout(profile))) as T;
}

/**
 * Reads a stored attachment in a worker (already accepted at upload; inflated with the caps again). A refusal
 * comes back as the reader's `{ error }`, never as a throw.
 */
export async function readStoredInWorker<T>(
  task: 'extract' | 'mask' | 'strip',
  file: UploadedFile,
  args: unknown,
): Promise<T | { error: string }> {
  try {
    return (await runTask(
      { task, name: file.name, bytes: file.bytes, profile: 'stored', args },
      timeout('stored'),
    )) as T;
  } catch (e) {
    if (e instanceof AppError && e.status < 500) return { error: `附件无法打开：${e.message}` };
    throw e;
  }
}
