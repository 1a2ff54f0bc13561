// Shows what the shop's own code sees: events, the state and the cookie, refreshed on every event.
const show = () => {
  document.getElementById('state').textContent = JSON.stringify(window.ShopConsent.get(), null, 2);
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('shopconsent='));
  document.getElementById('cookie').textContent = cookie ?? '(none)';
};

window.demoLog = (name, detail) => {
  const item = document.createElement('li');
  item.textContent = `shopconsent:${name} ${JSON.stringify(detail)}`;
  document.getElementById('log').prepend(item);
  show();
};

document.getElementById('accept').addEventListener('click', () => window.ShopConsent.acceptAll());
document.getElementById('reject').addEventListener('click', () => window.ShopConsent.rejectAll());
document.getElementById('analytics-only').addEventListener('click', () => window.ShopConsent.set({ analytics: true }));
document.getElementById('reset').addEventListener('click', () => window.ShopConsent.reset());
show();
