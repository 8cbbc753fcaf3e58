import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { TAR_END, tarHeader, tarPadding } from '../../cloud-server/marketplace/archive';

/**
 * A decompression bomb: a scenario package whose project.json is 1 GiB of zeros, gzipped
 * (≈5 MB). Made by streaming zeros through gzip a MiB at a time: the 1 GiB is never in
 * memory or on disk.
 */
export async function makeBomb(name: string, size = 1024 * 1024 * 1024): Promise<Buffer> {
  const gz = createGzip({ level: 1 });
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  const ended = once(gz, 'end');
  const write = async (b: Buffer) => {
    if (!gz.write(b)) await once(gz, 'drain');
  };
  const manifest = Buffer.from(JSON.stringify({ name, version: '1.0.0' }));
  await write(tarHeader({ name: 'manifest.json' }, manifest.length));
  await write(manifest);
  await write(tarPadding(manifest.length));
  await write(tarHeader({ name: 'project.json' }, size));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0; left -= zeros.length)
    await write(left >= zeros.length ? zeros : zeros.subarray(0, left));
  await write(tarPadding(size));
  await write(TAR_END);
  gz.end();
  await ended;
  return Buffer.concat(out);
}
