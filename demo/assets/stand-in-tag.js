// Stands in for a tracking tool's tag (gtag.js, the Meta Pixel, a chat widget…), because the demo calls no
// third-party host. Like the real tool it sets its first-party cookies, so that withdrawing consent visibly
// deletes them; like a well-behaved one it stops when its purpose is withdrawn (a script that has run cannot
// be unloaded) and starts again when it is granted. Its badge shows which of the two it is doing.
(() => {
  const script = document.currentScript;
  const { tool, cookies } = script.dataset;
  const purposes = script.dataset.consent.split(' ');
  const badge = document.querySelector(`[data-badge="${tool}"]`);
  const offText = badge.textContent;
  const run = (on) => {
    badge.textContent = on ? badge.dataset.on : offText;
    badge.dataset.state = on ? 'on' : 'off';
    if (!on) return;
    for (const name of cookies.split(' ')) {
      // biome-ignore lint/suspicious/noDocumentCookie: the tools it stands in for write their cookies this way
      document.cookie = `${name}=${tool}.${Date.now()}; path=/; max-age=31536000; samesite=lax`;
    }
  };
  run(true);
  window.addEventListener('shopconsent:change', ({ detail }) => {
    if (detail.changed.some((purpose) => purposes.includes(purpose))) {
      run(purposes.every((purpose) => detail.state?.purposes[purpose] === true));
    }
  });
})();
