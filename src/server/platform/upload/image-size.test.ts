// The pixel cap (SECURITY row 30): an image's size is read from its header, and one declaring more than the cap
// is refused by the gateway's first look (screenUpload), before anything could decode it.
import { describe, expect, it } from 'vitest';
import { craftedGif, craftedJpeg, craftedPng } from '../../../../test/fixtures/images';
import { AppError } from '../errors';
import { imageSize } from './image-size';
import { IMPORT_LIMITS, STORED_LIMITS } from './limits';
import { screenUpload } from './screen';

describe('imageSize (header only)', () => {
  it.each([
    ['png', craftedPng(14000, 14000, 1024), { width: 14000, height: 14000 }],
    ['png', craftedPng(3, 2, 16), { width: 3, height: 2 }],
    ['jpeg', craftedJpeg(8000, 6000), { width: 8000, height: 6000 }],
    ['gif', craftedGif(640, 480), { width: 640, height: 480 }],
  ] as const)('%s %o', (kind, bytes, size) => {
    expect(imageSize(bytes, kind)).toEqual(size);
  });

  it('a header too short to tell gives null (such a file cannot be decoded either)', () => {
    const sixteen = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
    ]);
    expect(imageSize(sixteen, 'png')).toBeNull();
    expect(imageSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2]), 'jpeg')).toBeNull();
    expect(imageSize(Uint8Array.from([0x47, 0x49, 0x46, 0x38]), 'gif')).toBeNull();
  });
});

function refusal(bytes: Uint8Array, name: string): AppError {
  try {
    screenUpload(bytes, name, STORED_LIMITS);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

describe('the pixel cap (40 megapixels) in the gateway', () => {
  it('refuses a 14000×14000 PNG (196 megapixels in a small file) with a 413 and a Chinese message', () => {
    const png = craftedPng(14000, 14000);
    expect(png.length).toBeLessThan(STORED_LIMITS.maxFileBytes);
    const e = refusal(png, '截图.png');
    expect(e.status).toBe(413);
    expect(e.message).toBe(
      '图片尺寸过大（14000×14000，约 19600 万像素），上限为 4000 万像素；请缩小后再上传',
    );
  });

  it('refuses an oversized JPEG and GIF too', () => {
    expect(refusal(craftedJpeg(10000, 5000), 'scan.jpg').message).toMatch(/^图片尺寸过大（10000×5000/);
    expect(refusal(craftedGif(65535, 65535), 'a.gif').status).toBe(413);
  });

  it('accepts an image at the cap and a large ordinary one', () => {
    expect(screenUpload(craftedPng(8000, 5000, 64), 'at-cap.png', STORED_LIMITS).kind).toBe('png');
    expect(screenUpload(craftedJpeg(6000, 4000), 'photo.jpg', STORED_LIMITS).kind).toBe('jpeg');
  });

  it('imports are capped the same way', () => {
    expect(() => screenUpload(craftedPng(14000, 14000, 64), 'a.png', IMPORT_LIMITS)).toThrow(/图片尺寸过大/);
  });
});
