// Reads the pixels of a PNG (8-bit RGB or RGBA, non-interlaced — what Chromium's
// screenshots are) with Node's zlib. Used to check that the canvas is not blank.
import { inflateSync } from 'node:zlib';

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(buffer) {
  const signature = '89504e470d0a1a0a';
  if (buffer.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG');
  let offset = 8, width = 0, height = 0, channels = 0;
  const data = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8], color = body[9], interlace = body[12];
      if (depth !== 8 || interlace !== 0 || (color !== 2 && color !== 6)) {
        throw new Error(`unsupported PNG (depth ${depth}, color ${color}, interlace ${interlace})`);
      }
      channels = color === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = prev ? prev[x] : 0;
      const c = prev && x >= channels ? prev[x - channels] : 0;
      const value = line[x];
      switch (filter) {
        case 0: out[x] = value; break;
        case 1: out[x] = value + a; break;
        case 2: out[x] = value + b; break;
        case 3: out[x] = value + ((a + b) >> 1); break;
        case 4: out[x] = value + paeth(a, b, c); break;
        default: throw new Error(`bad PNG filter ${filter}`);
      }
    }
  }
  return { width, height, channels, pixels };
}

// How many distinct colours (quantised to 4 bits per channel) the image holds.
export function distinctColours(png) {
  const seen = new Set();
  for (let i = 0; i < png.pixels.length; i += png.channels) {
    seen.add(((png.pixels[i] >> 4) << 8) | ((png.pixels[i + 1] >> 4) << 4) | (png.pixels[i + 2] >> 4));
  }
  return seen.size;
}
