// Just enough PNG to compare screenshots: 8-bit RGB/RGBA (and grey), not interlaced, as both
// browsers write them. No dependency: zlib from Node.

import zlib from 'node:zlib';
import fs from 'node:fs';

export function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8,
    width = 0,
    height = 0,
    depth = 0,
    ctype = 0,
    interlace = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos),
      type = buf.toString('latin1', pos + 4, pos + 8),
      data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      ctype = data[9];
      interlace = data[12];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[ctype];
  if (depth !== 8 || !channels || interlace)
    throw new Error(`unsupported PNG (depth ${depth}, colour type ${ctype}, interlace ${interlace})`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels,
    out = Buffer.alloc(width * height * 4),
    prev = Buffer.alloc(stride),
    cur = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)],
      line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0,
        b = prev[i],
        c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c,
          pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4,
        s = x * channels;
      if (channels >= 3) {
        out[o] = cur[s];
        out[o + 1] = cur[s + 1];
        out[o + 2] = cur[s + 2];
        out[o + 3] = channels === 4 ? cur[s + 3] : 255;
      } else {
        out[o] = out[o + 1] = out[o + 2] = cur[s];
        out[o + 3] = channels === 2 ? cur[s + 1] : 255;
      }
    }
    cur.copy(prev);
  }
  return { width, height, data: out };
}

let crcTable = null;
function crc32(buf) {
  if (zlib.crc32) return zlib.crc32(buf);
  crcTable ||= Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function encodePng({ width, height, data }) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) data.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const chunk = (type, d) => {
    const b = Buffer.alloc(12 + d.length);
    b.writeUInt32BE(d.length, 0);
    b.write(type, 4, 'latin1');
    d.copy(b, 8);
    b.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), d])) >>> 0, 8 + d.length);
    return b;
  };
  const ih = Buffer.alloc(13);
  ih.writeUInt32BE(width, 0);
  ih.writeUInt32BE(height, 4);
  ih[8] = 8;
  ih[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ih),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A rectangle of an image (device pixels), clamped to the image. */
export function crop(img, x, y, w, h) {
  x = Math.max(0, Math.round(x));
  y = Math.max(0, Math.round(y));
  w = Math.max(0, Math.min(Math.round(w), img.width - x));
  h = Math.max(0, Math.min(Math.round(h), img.height - y));
  const data = Buffer.alloc(w * h * 4);
  for (let r = 0; r < h; r++)
    img.data.copy(data, r * w * 4, ((y + r) * img.width + x) * 4, ((y + r) * img.width + x + w) * 4);
  return { width: w, height: h, data };
}

/**
 * Share of pixels of the common area that differ by more than `threshold` in some channel from
 * every pixel within one pixel of the same place in the other image (either way round): the same
 * picture drawn half a pixel further along counts as the same.
 */
export function fuzzyDiff(A, B, threshold = 48) {
  const w = Math.min(A.width, B.width),
    h = Math.min(A.height, B.height);
  const close = (P, i, Q, x, y) => {
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx,
          yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
        const j = (yy * Q.width + xx) * 4;
        if (
          Math.abs(P.data[i] - Q.data[j]) <= threshold &&
          Math.abs(P.data[i + 1] - Q.data[j + 1]) <= threshold &&
          Math.abs(P.data[i + 2] - Q.data[j + 2]) <= threshold
        )
          return true;
      }
    return false;
  };
  let n = 0;
  const diff = Buffer.alloc(w * h * 4, 255);
  // The outermost two rows and columns are left out: a crop rounded the other way shows an edge.
  for (let y = 2; y < h - 2; y++)
    for (let x = 2; x < w - 2; x++) {
      const ia = (y * A.width + x) * 4,
        ib = (y * B.width + x) * 4;
      if (!close(A, ia, B, x, y) || !close(B, ib, A, x, y)) {
        n++;
        const o = (y * w + x) * 4;
        diff[o + 1] = 0;
        diff[o + 2] = 0;
      }
    }
  return {
    ratio: w > 4 && h > 4 ? n / ((w - 4) * (h - 4)) : 1,
    pixels: n,
    width: w,
    height: h,
    diff: { width: w, height: h, data: diff },
  };
}

export function savePictures(dir, name, pics) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [k, img] of Object.entries(pics)) fs.writeFileSync(`${dir}/${name}-${k}.png`, encodePng(img));
}
