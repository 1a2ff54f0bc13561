// MonaOK's settings, from its policy (profile D.5): statistics (Google Analytics), marketing (the Meta
// Pixel), content suited to the customer, and the loyalty programme, each asked separately as EU law
// wants. Loyalty is the shop's own purpose, so it brings its own texts. The tag's data-revision is the
// policy's edition, 2026-05: raising it asks every visitor again.
window.shopConsentConfig = {
  // Set when `npm start` runs the receipt collector beside the demo.
  receiptUrl: window.demoCollector?.receiptUrl,
  purposes: [
    { id: 'analytics', services: ['ga4'] },
    { id: 'marketing', services: ['meta-pixel'] },
    { id: 'personalization', cookies: ['monaok_recs'] },
    {
      id: 'loyalty',
      cookies: ['monaok_card'],
      label: { lv: 'Lojalitātes programma', en: 'Loyalty programme' },
      description: {
        lv: 'Bonusa punkti par pirkumiem un MonaOK kartes cenas: sīkdatne atceras jūsu klienta karti šajā pārlūkā.',
        en: 'Bonus points for purchases and MonaOK card prices: a cookie remembers your customer card in this browser.',
      },
    },
  ],
};
