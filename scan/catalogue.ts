import { SERVICE_COOKIES, SERVICE_NAMES } from './widget';

/**
 * A tracking service as the scanner recognises it: the first-party cookies its script sets on the shop's
 * domain, the storage keys it writes, and the hosts its requests go to.
 */
export interface Service {
  id: string;
  name: string;
  purpose: 'analytics' | 'marketing';
  cookies: readonly string[];
  storage: readonly string[];
  hosts: readonly string[];
  /** `true` when the widget's own `services` setting takes this id. */
  inWidget: boolean;
}

type Extra = Omit<Service, 'inWidget' | 'cookies'> & { cookies?: readonly string[] };

/**
 * The services the widget's catalogue names, with the hosts and storage keys the scanner needs on top of
 * their cookies, and the services shops in Mongolia, Kyrgyzstan, Vietnam and Latvia use that the widget's
 * catalogue lacks. Sources: each vendor's public documentation, listed per service in docs/scan.md.
 */
const SERVICES: readonly Extra[] = [
  {
    id: 'ga4',
    name: SERVICE_NAMES.ga4 ?? 'Google Analytics 4',
    purpose: 'analytics',
    storage: [],
    hosts: ['google-analytics.com', 'analytics.google.com'],
  },
  {
    id: 'google-tag',
    name: 'Google tag (gtag.js) / Google Tag Manager',
    purpose: 'analytics',
    cookies: [],
    storage: [],
    hosts: ['googletagmanager.com'],
  },
  {
    id: 'google-ads',
    name: SERVICE_NAMES['google-ads'] ?? 'Google Ads',
    purpose: 'marketing',
    storage: ['_gcl_ls'],
    hosts: ['googleadservices.com', 'googleads.g.doubleclick.net', 'doubleclick.net', 'googlesyndication.com'],
  },
  {
    id: 'meta-pixel',
    name: SERVICE_NAMES['meta-pixel'] ?? 'Meta Pixel',
    purpose: 'marketing',
    storage: [],
    hosts: ['connect.facebook.net', 'facebook.com', 'facebook.net'],
  },
  {
    id: 'hotjar',
    name: SERVICE_NAMES.hotjar ?? 'Hotjar',
    purpose: 'analytics',
    storage: ['_hj*'],
    hosts: ['hotjar.com', 'hotjar.io'],
  },
  {
    id: 'yandex-metrica',
    name: SERVICE_NAMES['yandex-metrica'] ?? 'Yandex Metrica',
    purpose: 'analytics',
    storage: ['_ym*'],
    hosts: ['mc.yandex.ru', 'mc.yandex.com', 'mc.yandex.kz', 'mc.webvisor.org', 'mc.webvisor.com'],
  },
  {
    id: 'tiktok-pixel',
    name: SERVICE_NAMES['tiktok-pixel'] ?? 'TikTok Pixel',
    purpose: 'marketing',
    storage: ['tt_*'],
    hosts: ['analytics.tiktok.com', 'analytics-sg.tiktok.com'],
  },
  {
    id: 'vk-pixel',
    name: 'VK Ads pixel (Top@Mail.ru)',
    purpose: 'marketing',
    cookies: ['tmr_lvid', 'tmr_lvidTS', 'tmr_detect', 'tmr_reqNum'],
    storage: ['tmr_*'],
    hosts: ['vk.com', 'top-fwz1.mail.ru', 'privacy-cs.mail.ru'],
  },
  {
    id: 'zalo',
    name: 'Zalo (Zalo Ads pixel, chat widget)',
    purpose: 'marketing',
    // Its cookies live on zalo.me, which no script on the shop's page can see or delete: the requests show it.
    cookies: [],
    storage: [],
    hosts: ['zalo.me', 'zaloapp.com', 'zadn.vn'],
  },
  {
    id: 'microsoft-clarity',
    name: 'Microsoft Clarity',
    purpose: 'analytics',
    cookies: ['_clck', '_clsk'],
    storage: ['_cl*'],
    hosts: ['clarity.ms', 'c.bing.com'],
  },
];

export const CATALOGUE: readonly Service[] = SERVICES.map((service) => {
  const widgetCookies = SERVICE_COOKIES[service.id];
  return { ...service, cookies: widgetCookies ?? service.cookies ?? [], inWidget: widgetCookies !== undefined };
});
