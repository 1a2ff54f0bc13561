import { parseArgs } from 'node:util';
import { LANGUAGES, type Lang } from './widget';

export interface CliOptions {
  url: string;
  pages: number;
  lang: Lang;
  out: string;
  delayMs: number;
}

export const USAGE = 'Usage: shop-consent scan <url> [--pages 20] [--lang mn|ky|vi|lv|en] [--out report] [--delay 250]';

/** The scan's settings from the command line, or the message that says what is wrong with it. */
export const parseCli = (argv: string[]): CliOptions | { error: string } => {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        pages: { type: 'string', default: '20' },
        lang: { type: 'string', default: 'en' },
        out: { type: 'string', default: 'report' },
        delay: { type: 'string', default: '250' },
      },
    });
  } catch (error) {
    return { error: `${error instanceof Error ? error.message : String(error)}\n${USAGE}` };
  }
  const [command, url, ...rest] = parsed.positionals;
  if (command !== 'scan' || !url || rest.length > 0) return { error: USAGE };
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    return { error: `"${url}" is not an address: give one such as https://shop.example/` };
  }
  if (!/^https?:$/.test(parsedUrl.protocol)) return { error: `"${url}": only http and https addresses can be scanned` };
  const { pages, lang, out, delay } = parsed.values as Record<string, string>;
  const pageCount = Number(pages);
  if (!Number.isInteger(pageCount) || pageCount < 1 || pageCount > 500) {
    return { error: `--pages "${pages}": a whole number from 1 to 500` };
  }
  const delayMs = Number(delay);
  if (!Number.isFinite(delayMs) || delayMs < 0 || delayMs > 60_000) {
    return { error: `--delay "${delay}": milliseconds between pages, from 0 to 60000` };
  }
  const language = LANGUAGES.find((code) => code === lang);
  if (!language) return { error: `--lang "${lang}": one of ${LANGUAGES.join(', ')}` };
  return { url: parsedUrl.href, pages: pageCount, lang: language, out: out ?? 'report', delayMs };
};
