// A few worker threads that parse uploads, each with a heap limit (resourceLimits) and a wall-clock limit per task:
// a hostile file can exhaust a worker — which is then thrown away — but never the server's own event loop.
// Busy workers and a short queue: beyond it a 429, so a burst of uploads cannot pile up memory either.
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { gatewaySettings } from './limits';

export interface TaskMessage {
  id: number;
  task: string;
  name: string;
  bytes: Uint8Array;
  profile: 'stored' | 'import';
  args?: unknown;
}

export type TaskReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string; message: string; details?: unknown } };

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const HEAP_MB = 512;
const MAX_QUEUE = 8;

let nextId = 1;
const idle: Worker[] = [];
let running = 0;
const waiting: (() => void)[] = [];

function spawn(): Worker {
  const w = new Worker(ENTRY, {
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    stdout: false,
    stderr: false,
  });
  w.unref();
  return w;
}

async function slot(): Promise<void> {
  if (running < gatewaySettings.workers) {
    running++;
    return;
  }
  if (waiting.length >= MAX_QUEUE) throw new AppError('RATE_LIMITED', '服务器正在处理其他文件，请稍后再试');
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/** Runs one task in a worker; a crash, an exhausted heap or the time limit is a 4xx refusal. */
export async function runTask(msg: Omit<TaskMessage, 'id'>, timeoutMs: number): Promise<unknown> {
  await slot();
  const worker = idle.pop() ?? spawn();
  const id = nextId++;
  let healthy = true;
  try {
    return await new Promise<unknown>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const timer = setTimeout(() => {
        done();
        healthy = false;
        void worker.terminate();
        reject(
          new AppError('VALIDATION', `文件处理超时（超过 ${Math.round(timeoutMs / 1000)} 秒），已停止处理`),
        );
      }, timeoutMs);
      const onMessage = (m: TaskReply) => {
        if (m.id !== id) return;
        done();
        if (m.ok) resolve(m.value);
        else reject(new AppError(m.error.code as 'VALIDATION', m.error.message, m.error.details));
      };
      const onError = (e: Error) => {
        done();
        healthy = false;
        const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
        reject(
          new AppError(
            'PAYLOAD_TOO_LARGE',
            oom ? '文件内容过于庞大，处理时超出内存上限，已拒绝' : '文件无法处理（解析程序异常退出）',
          ),
        );
      };
      const onExit = () => onError(new Error('worker exited'));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...msg, id } satisfies TaskMessage);
    });
  } finally {
    if (healthy) idle.push(worker);
    else void worker.terminate();
    release();
  }
}
