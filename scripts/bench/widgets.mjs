// The contenders of `npm run bench`: the same shop page with each consent widget, set up as its own
// documentation says, asking about the same three purposes (necessary, analytics, marketing).

const policyUrl = '/privacy';

/** ShopConsent: one tag, synchronously at the top of <head>, as the README recommends. */
const shopconsent = {
  name: 'ShopConsent',
  head: `<script src="/dist/shopconsent.js" data-shop="Bench shop" data-policy-url="${policyUrl}" data-lang="en"></script>`,
  bodyEnd: '',
  /** Files in <head> that block the first paint. */
  renderBlocking: ['/dist/shopconsent.js'],
  files: /\/dist\/shopconsent(-ui|-banner-[a-z]+)?\.js$/,
  banner: () => document.getElementById('shopconsent-root')?.shadowRoot?.querySelector('[data-layer="banner"]'),
  acceptAll: '[data-action="accept-all"]',
  choose: '[data-layer="banner"] [data-action="preferences"]',
  preferences: () =>
    document.getElementById('shopconsent-root')?.shadowRoot?.querySelector('[data-layer="preferences"]'),
};

/** orejime 3.2.1: `window.orejimeConfig`, then its standard English build and stylesheet in <head>. */
const orejime = {
  name: 'orejime 3.2.1',
  head: `<script>
  window.orejimeConfig = {
    privacyPolicyUrl: '${policyUrl}',
    purposes: [
      { id: 'necessary', title: 'Order fulfilment', description: 'Cart, checkout, delivery.', isMandatory: true },
      { id: 'analytics', title: 'Analytics', description: 'Measuring visits.', cookies: ['_ga', /^_ga_/] },
      { id: 'marketing', title: 'Marketing', description: 'Promotions and offers.', cookies: ['_fbp'] },
    ],
  };
</script>
<script src="/node_modules/orejime/dist/orejime-standard-en.js"></script>
<link rel="stylesheet" href="/node_modules/orejime/dist/orejime-standard.css">`,
  bodyEnd: '',
  renderBlocking: [
    '/node_modules/orejime/dist/orejime-standard-en.js',
    '/node_modules/orejime/dist/orejime-standard.css',
  ],
  files: /\/node_modules\/orejime\//,
  banner: () => document.querySelector('.orejime-Banner'),
  acceptAll: '.orejime-Banner-saveButton',
  choose: '.orejime-Banner-learnMoreButton',
  preferences: () => document.querySelector('.orejime-Modal'),
};

/**
 * vanilla-cookieconsent 3.1.0: its stylesheet in <head>, the UMD build and `CookieConsent.run()` in
 * <body>, as its getting-started guide shows. `hideFromBots` is off: it would hide from the benchmark's
 * automated browser, as it would from a shop's own test suite.
 */
const cookieconsent = {
  name: 'vanilla-cookieconsent 3.1.0',
  head: '<link rel="stylesheet" href="/node_modules/vanilla-cookieconsent/dist/cookieconsent.css">',
  bodyEnd: `<script src="/node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>
<script>
  CookieConsent.run({
    hideFromBots: false,
    categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
    language: {
      default: 'en',
      translations: {
        en: {
          consentModal: {
            title: 'We use cookies',
            description: 'Cookies help us deliver your order, measure visits and show offers. <a href="${policyUrl}">Privacy policy</a>',
            acceptAllBtn: 'Accept all',
            acceptNecessaryBtn: 'Reject all',
            showPreferencesBtn: 'Choose',
          },
          preferencesModal: {
            title: 'Privacy preferences',
            acceptAllBtn: 'Accept all',
            acceptNecessaryBtn: 'Reject all',
            savePreferencesBtn: 'Save choices',
            closeIconLabel: 'Close',
            sections: [
              { title: 'Order fulfilment', description: 'Cart, checkout, delivery.', linkedCategory: 'necessary' },
              { title: 'Analytics', description: 'Measuring visits.', linkedCategory: 'analytics' },
              { title: 'Marketing', description: 'Promotions and offers.', linkedCategory: 'marketing' },
            ],
          },
        },
      },
    },
  });
</script>`,
  renderBlocking: ['/node_modules/vanilla-cookieconsent/dist/cookieconsent.css'],
  files: /\/node_modules\/vanilla-cookieconsent\//,
  banner: () => document.querySelector('#cc-main .cm'),
  acceptAll: '#cc-main .cm [data-role="all"]',
  choose: '#cc-main .cm button:has-text("Choose")',
  preferences: () => document.querySelector('#cc-main .pm'),
};

/** The shop page alone: the baseline whose script time and heap the others are measured against. */
const none = { name: 'no widget', head: '', bodyEnd: '', renderBlocking: [], files: /^$/, banner: null };

export const WIDGETS = { shopconsent, orejime, cookieconsent, none };

/** A plain shop page: header, a grid of products, a footer; the same for every contender. */
export const shopPage = (widget) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bench shop</title>
${widget.head}
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1d232b; }
  header, footer { padding: 16px 24px; background: #f2f4f7; }
  main { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 16px; padding: 24px; }
  article { border: 1px solid #d9dee5; border-radius: 8px; padding: 12px; }
  .img { height: 120px; background: #e6eaf0; border-radius: 4px; }
</style>
</head>
<body>
<header><strong>Bench shop</strong> · Catalogue · Delivery · Cart (0)</header>
<main>
${Array.from({ length: 12 }, (_, i) => `<article><div class="img"></div><h2>Product ${i + 1}</h2><p>${(i + 1) * 7}.90 €</p><button>Add to cart</button></article>`).join('\n')}
</main>
<footer><a href="${policyUrl}">Privacy policy</a></footer>
${widget.bodyEnd}
</body>
</html>`;
