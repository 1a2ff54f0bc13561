// Prints the raw, gzip and brotli size of each script-tag bundle after a build.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const files = ['dist/shopconsent.js', 'dist/shopconsent-ui.js', 'dist/shopconsent-extras.js'];
const rows = files.map((file) => {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { file, raw: bytes.length, gzip, brotli };
});
for (const { file, raw, gzip, brotli } of rows) {
  console.log(
    `${file.padEnd(26)} ${String(raw).padStart(7)} B raw ${String(gzip).padStart(7)} B gzip ${String(brotli).padStart(7)} B brotli`,
  );
}
