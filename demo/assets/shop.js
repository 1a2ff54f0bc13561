// The storefront's own behaviour, which needs no consent: "add to cart" counts in the cart button.
(() => {
  const count = document.querySelector('.cart-count');
  for (const button of document.querySelectorAll('[data-add-to-cart]')) {
    button.addEventListener('click', () => {
      count.textContent = String(Number(count.textContent) + 1);
    });
  }
})();
