// Image dimensions read from the header alone (nothing is decoded): the pixel cap (SECURITY row 30) refuses a
// small file that would decode into gigabytes (a 600 KB PNG can claim 14000×14000 = 196 megapixels). WebP is not
// listed: the gateway does not accept it as a type at all.
export interface ImageSize {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, at: number) => ((u16be(b, at) << 16) | u16be(b, at + 2)) >>> 0;

/** PNG: the IHDR chunk comes first (signature, length, "IHDR", width, height as big-endian 32-bit). */
function png(b: Uint8Array): ImageSize | null {
  if (b.length < 24 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

/** GIF: the logical screen (little-endian 16-bit); a frame larger than it is refused by decoders. */
function gif(b: Uint8Array): ImageSize | null {
  if (b.length < 10) return null;
  return { width: u16le(b, 6), height: u16le(b, 8) };
}

// Start-of-frame markers: C0–CF except C4 (DHT), C8 (JPG) and CC (DAC).
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: walks the marker segments up to the first start-of-frame (height, then width, big-endian 16-bit). */
function jpeg(b: Uint8Array): ImageSize | null {
  let at = 2;
  while (at + 3 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2; // no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame
    if (SOF.has(marker)) {
      if (at + 9 > b.length) return null;
      return { width: u16be(b, at + 7), height: u16be(b, at + 5) };
    }
    at += 2 + u16be(b, at + 2);
  }
  return null;
}

/** The declared size of an image, or null when its header is too short to tell (nothing could decode it). */
export function imageSize(b: Uint8Array, kind: 'png' | 'jpeg' | 'gif'): ImageSize | null {
  return kind === 'png' ? png(b) : kind === 'gif' ? gif(b) : jpeg(b);
}
