declare module 'virtual:shopconsent-first-layer' {
  type Template = import('./template').FirstLayerTemplate;
  /** A chunk built for one language carries that language's texts alone (vite.config.ts). */
  const template: Omit<Template, 'texts'> & { texts: Partial<Template['texts']> };
  export default template;
}
