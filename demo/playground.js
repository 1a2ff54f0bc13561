// Shows what the shop's own code sees: every event so far, the state and the cookie.
window.demoRender = () => {
  document.getElementById('state').textContent = JSON.stringify(window.ShopConsent.get(), null, 2);
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('shopconsent='));
  document.getElementById('cookie').textContent = cookie ?? '(none)';
  document.getElementById('log').replaceChildren(
    ...window.demoEvents
      .map(({ name, detail }) => {
        const item = document.createElement('li');
        item.textContent = `shopconsent:${name} ${JSON.stringify(detail)}`;
        return item;
      })
      .reverse(),
  );
};

document.getElementById('accept').addEventListener('click', () => window.ShopConsent.acceptAll());
document.getElementById('reject').addEventListener('click', () => window.ShopConsent.rejectAll());
document.getElementById('analytics-only').addEventListener('click', () => window.ShopConsent.set({ analytics: true }));
document.getElementById('reset').addEventListener('click', () => window.ShopConsent.reset());
window.demoRender();
