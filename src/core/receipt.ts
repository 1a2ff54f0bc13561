import type { ConsentState } from './state';

/** Format 1 of docs/schema/receipt.schema.json. */
export interface Receipt extends Omit<ConsentState, 'source'> {
  format: 1;
  source: Exclude<ConsentState['source'], 'sync'>;
  url: string;
  version: string;
  shop?: string;
}

export const toReceipt = (state: ConsentState, page: string, version: string, shop: string): Receipt => ({
  format: 1,
  id: state.id,
  decidedAt: state.decidedAt,
  revision: state.revision,
  purposes: { ...state.purposes },
  lang: state.lang,
  source: state.source as Receipt['source'],
  url: page.split('#')[0].slice(0, 2048),
  version,
  ...(shop ? { shop } : {}),
});
