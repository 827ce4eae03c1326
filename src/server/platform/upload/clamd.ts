// Optional malware scan by ClamAV's daemon (GONGKAI_CLAMD = host:port or a unix socket path), INSTREAM protocol.
// Fail-closed: when clamd is configured but cannot answer, the upload is refused.
import net from 'node:net';
import { AppError } from '../errors';

export async function clamdScan(
  address: string,
  bytes: Uint8Array,
  timeoutMs = 15_000,
): Promise<string | null> {
  const m = /^([^:]+):(\d+)$/.exec(address);
  const socket = m ? net.connect(Number(m[2]), m[1]) : net.connect(address);
  return new Promise<string | null>((resolve, reject) => {
    let answer = '';
    const fail = () => {
      socket.destroy();
      reject(new AppError('RATE_LIMITED', '病毒扫描服务暂不可用，文件未接收，请稍后再试'));
    };
    socket.setTimeout(timeoutMs, fail);
    socket.on('error', fail);
    socket.on('data', (d) => {
      answer += d.toString('utf8');
    });
    socket.on('end', () => {
      const line = answer.replace(/\0/g, '').trim();
      if (/:\s*OK$/.test(line)) resolve(null);
      else if (/FOUND$/.test(line)) resolve(line.replace(/^stream:\s*/, '').replace(/\s*FOUND$/, ''));
      else fail();
    });
    socket.on('connect', () => {
      socket.write('zINSTREAM\0');
      const step = 64 * 1024;
      for (let at = 0; at < bytes.length; at += step) {
        const chunk = bytes.subarray(at, at + step);
        const len = Buffer.alloc(4);
        len.writeUInt32BE(chunk.length);
        socket.write(len);
        socket.write(chunk);
      }
      socket.write(Buffer.alloc(4));
    });
  });
}
