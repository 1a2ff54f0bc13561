/**
 * The first-party cookies common tools set on the shop's own domain, as names or `*` patterns, by the
 * id a shop writes in `services`. Sources and what is left out (cookies on the vendor's own domain,
 * which no script on the shop's page can delete): docs/adr/0022-withdrawal-deletes-cookies.md.
 */
export const SERVICE_COOKIES: Readonly<Record<string, readonly string[]>> = {
  ga4: ['_ga', '_ga_*', '_gid', '_gat*'],
  'google-ads': ['_gcl_*', '_gac_*'],
  'meta-pixel': ['_fbp', '_fbc'],
  hotjar: ['_hj*'],
  'yandex-metrica': ['_ym*'],
  'tiktok-pixel': ['_ttp', '_tt_*', 'ttcsid*', 'ttclid'],
};

/** The services' brand names, shown under their purpose in the preferences; only the dialog needs them. */
export const SERVICE_NAMES: Readonly<Record<string, string>> = {
  ga4: 'Google Analytics 4',
  'google-ads': 'Google Ads',
  'meta-pixel': 'Meta Pixel',
  hotjar: 'Hotjar',
  'yandex-metrica': 'Yandex Metrica',
  'tiktok-pixel': 'TikTok Pixel',
};

/** The catalogue entry for `id`; `undefined` for anything else, `constructor` and `__proto__` included. */
export const serviceCookies = (id: unknown): readonly string[] | undefined => {
  const cookies = typeof id === 'string' ? SERVICE_COOKIES[id] : undefined;
  return Array.isArray(cookies) ? cookies : undefined;
};
