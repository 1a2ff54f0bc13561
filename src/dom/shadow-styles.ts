/**
 * Gives a shadow root its stylesheet. A constructable stylesheet is CSSOM, which a strict
 * Content-Security-Policy without 'unsafe-inline' allows; browsers without one (Safari before 16.4)
 * get a <style> element instead.
 */
export const adoptStyles = (root: ShadowRoot, css: string): void => {
  if ((root as Partial<ShadowRoot>).adoptedStyleSheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = root.ownerDocument.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
};
