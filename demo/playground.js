// The playground: the ShopConsent tag built from the settings in the address bar, and everything a shop's
// code can see of it. This script runs in <head> before the tag exists, so that the log starts with the
// first event and the first dataLayer push.

/** What the form shows on a first visit; a setting at its default is left out of the tag. */
const INITIAL = { shop: 'Demo shop', 'policy-url': 'privacy.html' };
const DEFAULTS = {
  lang: 'auto',
  purposes: 'analytics,marketing',
  revision: '1',
  'expires-days': '182',
  theme: 'auto',
  layout: 'bar',
  'floating-button': 'false',
  'consent-mode': '',
};

const params = new URLSearchParams(location.search);
const settings = Object.fromEntries(
  Object.keys({ ...INITIAL, ...DEFAULTS }).map((name) => [name, params.get(name) ?? INITIAL[name] ?? DEFAULTS[name]]),
);
const attributes = Object.entries(settings).filter(([name, value]) => value !== '' && value !== DEFAULTS[name]);
// `npm start` runs a receipt collector beside the demo: every decision made here is sent to it.
const collector = window.demoCollector;
if (collector) attributes.push(['receipt-url', collector.receiptUrl]);

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const snippet = `<script src="/shopconsent.js"${attributes
  .map(([name, value]) => ` data-${name}="${escapeAttribute(value)}"`)
  .join('')}></script>`;

/** Everything seen so far, oldest first: `{ kind: 'event' | 'dataLayer' | 'call', text }`. */
const log = [];
let render = () => {};
const record = (kind, text) => {
  const entry = { kind, text };
  log.push(entry);
  render();
  return entry;
};

for (const type of ['ready', 'change', 'open', 'close']) {
  window.addEventListener(`shopconsent:${type}`, (event) => {
    record('event', `shopconsent:${type} ${JSON.stringify(event.detail)}`);
  });
}

// gtag() pushes `arguments` objects; show them as the call they stand for.
const describePush = (entry) =>
  Object.prototype.toString.call(entry) === '[object Arguments]'
    ? `gtag(${Array.from(entry, (argument) => JSON.stringify(argument)).join(', ')})`
    : JSON.stringify(entry);
window.dataLayer = window.dataLayer || [];
const push = window.dataLayer.push;
window.dataLayer.push = (...entries) => {
  for (const entry of entries) record('dataLayer', describePush(entry));
  return push.apply(window.dataLayer, entries);
};

const tag = document.createElement('script');
tag.src = '/shopconsent.js';
for (const [name, value] of attributes) tag.setAttribute(`data-${name}`, value);
document.currentScript.after(tag);

const COOKIE = 'shopconsent';
/** The API methods that answer something; the others act and return nothing worth showing. */
const RETURNS_VALUE = ['get', 'has'];

/**
 * The cookie's value read by hand, as docs/cookie-format.md describes format 1:
 * `1|id|decidedAt|revision|lang|source|purpose:1.purpose:0…`, decidedAt in Unix seconds.
 */
const decodeCookie = (value) => {
  const fields = value.split('|');
  if (fields.length !== 7 || fields[0] !== '1' || !/^\d+$/.test(fields[2])) return null;
  const [, id, seconds, revision, lang, source, list] = fields;
  const pairs = list.split('.').map((pair) => pair.split(':'));
  if (pairs.some((pair) => pair.length !== 2 || !['0', '1'].includes(pair[1]))) return null;
  return {
    id,
    decidedAt: new Date(Number(seconds) * 1000).toISOString(),
    revision,
    purposes: Object.fromEntries(pairs.map(([purpose, granted]) => [purpose, granted === '1'])),
    lang,
    source,
  };
};

const readCookie = () => {
  const pair = document.cookie.split('; ').find((cookie) => cookie.startsWith(`${COOKIE}=`));
  return pair === undefined ? null : decodeURIComponent(pair.slice(COOKIE.length + 1));
};

document.addEventListener('DOMContentLoaded', () => {
  // The collector's dashboard, wherever `npm start` (or a test) put the collector.
  if (collector)
    document.getElementById('dashboard-link').href = collector.receiptUrl.replace(/\/receipts$/, '/dashboard');
  const $ = (selector) => document.querySelector(selector);
  const form = $('#settings');
  for (const [name, value] of Object.entries(settings)) form.elements[name].value = value;
  $('#snippet').textContent = snippet;
  $('#copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      $('#copied').textContent = 'Copied.';
    } catch {
      getSelection().selectAllChildren($('#snippet'));
      $('#copied').textContent = 'Selected: press Ctrl+C.';
    }
  });

  const purposes = ['necessary', ...settings.purposes.split(/[\s,]+/).filter(Boolean)];
  $('#has-purpose').replaceChildren(...purposes.map((purpose) => new Option(purpose)));

  render = () => {
    $('#state').textContent = JSON.stringify(window.ShopConsent?.get() ?? null, null, 2);
    const value = readCookie();
    $('#cookie').textContent = value === null ? '(no cookie)' : `${COOKIE}=${value}`;
    const decoded = value === null ? null : decodeCookie(value);
    $('#cookie-decoded').textContent =
      value === null ? '' : decoded ? JSON.stringify(decoded, null, 2) : '(not a format-1 value)';
    $('#log').replaceChildren(
      ...log
        .map(({ kind, text }) => {
          const item = document.createElement('li');
          item.dataset.kind = kind;
          item.textContent = text;
          return item;
        })
        .reverse(),
    );
  };

  /** What reached the collector for this visitor's consent id, read back as a shop would for a data-subject request. */
  const showReceipts = async () => {
    const list = $('#receipts');
    const id = window.ShopConsent?.get()?.id;
    if (!collector) {
      list.replaceChildren(new Text('No collector: `npm start` runs one beside the demo.'));
      return;
    }
    if (!id) {
      list.replaceChildren(new Text('No decision yet.'));
      return;
    }
    try {
      const response = await fetch(`${collector.receiptUrl}?consentId=${encodeURIComponent(id)}`, {
        headers: { Authorization: `Bearer ${collector.token}` },
      });
      const { receipts } = await response.json();
      list.replaceChildren(
        ...receipts.map(({ receivedAt, receipt }) => {
          const item = document.createElement('li');
          const granted = Object.keys(receipt.purposes).filter((purpose) => receipt.purposes[purpose]);
          item.textContent = `${receivedAt} · ${receipt.source} · granted: ${granted.join(', ')}`;
          return item;
        }),
      );
    } catch (error) {
      list.replaceChildren(new Text(`The collector did not answer: ${error.message}`));
    }
  };
  // A beacon is on its way when the change event fires; the collector has it a moment later.
  window.addEventListener('shopconsent:change', () => setTimeout(showReceipts, 600));

  const call = (method, args) => {
    const entry = record('call', `ShopConsent.${method}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`);
    const result = window.ShopConsent[method](...args);
    if (RETURNS_VALUE.includes(method)) entry.text += ` → ${JSON.stringify(result)}`;
    render();
  };
  const argsFor = (method) => {
    if (method === 'has') return [$('#has-purpose').value];
    if (method !== 'set') return [];
    try {
      return [JSON.parse($('#set-choices').value)];
    } catch (error) {
      record('call', `set(choices): the choices are not JSON: ${error.message}`);
      return null;
    }
  };
  const buttons = document.querySelectorAll('[data-call], [data-language]');
  // Until the tag has loaded there is no API to call; the queue tells us when it is there.
  for (const button of buttons) button.disabled = true;
  window.shopConsentQueue = window.shopConsentQueue || [];
  window.shopConsentQueue.push((api) => {
    $('#version').textContent = api.version;
    for (const button of buttons) button.disabled = false;
    render();
    showReceipts();
  });
  for (const button of document.querySelectorAll('[data-call]')) {
    button.addEventListener('click', () => {
      const args = argsFor(button.dataset.call);
      if (args) call(button.dataset.call, args);
    });
  }
  for (const button of document.querySelectorAll('[data-language]')) {
    button.addEventListener('click', () => call('setLanguage', [button.dataset.language]));
  }
  render();
});
