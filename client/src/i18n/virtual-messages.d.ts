/** The per-language catalogue chunks the build makes (client/i18n-plugin.ts). */
declare module 'virtual:pulse-messages' {
  import type { CatalogueLoaders } from './runtime.js';

  const loaders: CatalogueLoaders;
  export default loaders;
}
