// Shyrdak's settings, from the generic Kyrgyz policy (profile D.2): it measures the site to improve it,
// sends offers and newsletters, and personalises the shop by what the visitor looked at; its video of
// the workshop comes from a video service that sets cookies, so it waits for marketing consent.
window.shopConsentConfig = {
  // Set when `npm start` runs the receipt collector beside the demo.
  receiptUrl: window.demoCollector?.receiptUrl,
  purposes: [
    { id: 'analytics', services: ['ga4'] },
    { id: 'marketing', services: ['meta-pixel'] },
    { id: 'personalization', cookies: ['recently_viewed'] },
  ],
  texts: {
    ky: {
      'embed.text':
        'Бул видео үчүнчү тараптын видео кызматынан жүктөлөт жана кукилерди колдонот. Ага макулдук берсеңиз, ушул жерде көрсөтүлөт.',
    },
  },
};
