import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sofficePath } from '../scripts/system-deps.mjs';

const run = promisify(execFile);

/**
 * LibreOffice's `soffice`, from Debian's `libreoffice-calc`. Throws, saying what to install, when there is
 * none: the spreadsheet test must fail rather than be skipped.
 */
export const findSoffice = () => {
  const found = sofficePath();
  if (!found)
    throw new Error(
      'LibreOffice is needed for the spreadsheet test: install it (Debian: apt-get install -y libreoffice-calc) ' +
        'or set SOFFICE_PATH to its soffice binary.',
    );
  return found;
};

/**
 * Opens CSV files as LibreOffice Calc does on import, with the given separator, UTF-8, quotes honoured,
 * formulas evaluated (the settings under which a formula in a file runs), and saves each as a flat
 * OpenDocument spreadsheet (.fods) in `outDir`. One start of soffice for all the files: it is slow to start.
 * A private profile, so that runs at the same time do not share (and lock) one.
 */
export const convertCsvToFods = async (files: string[], separator: ',' | ';', outDir: string) => {
  const profile = mkdtempSync(join(tmpdir(), 'shopconsent-soffice-'));
  try {
    // Separator, text delimiter ("), character set (76: UTF-8), first line 1; then column formats (none),
    // language (default), quoted field as text: false, detect special numbers: true, and at position 13
    // evaluate formulas: true. https://help.libreoffice.org/latest/en-US/text/shared/guide/csv_params.html
    const options = [separator.charCodeAt(0), 34, 76, 1, '', 0, 'false', 'true', 'false', 'false', 'false', -1, 'true'];
    await run(
      findSoffice(),
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        `--infilter=CSV:${options.join(',')}`,
        '--convert-to',
        'fods',
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
};
