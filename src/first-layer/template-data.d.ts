declare module 'virtual:shopconsent-first-layer' {
  const template: import('./template').FirstLayerTemplate;
  export default template;
}
