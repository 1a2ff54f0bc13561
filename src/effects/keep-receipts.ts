import { toReceipt } from '../core/receipt';
import { guard, type Warn } from '../core/warn';
import { VERSION } from '../runtime/api';
import type { WithExtras } from '../runtime/extras-loader';
import type { Runtime } from '../runtime/runtime';
import { createOutbox } from './receipt-outbox';

/** The shop's name for a receipt: as `data-shop` gave it, when it is a usable one. */
const shopName = (value: unknown): string =>
  typeof value === 'string' && value.trim().length <= 80 ? value.trim() : '';

/**
 * The tab that decided keeps a receipt of the decision in the outbox and has the extras send it; a reset
 * is no decision of the visitor's (docs/receipts.md). Returns what sends the waiting ones at start.
 */
export const keepReceipts = (rt: Runtime, win: Window, withExtras: WithExtras, warn: Warn) => {
  const { receiptUrl, settings } = rt.config;
  if (!receiptUrl) return;
  const outbox = createOutbox(win, warn);
  let receipts: { flush(): void } | undefined;
  // Offline, receipts wait in the outbox without fetching the sender; `online` sends them.
  const send = () => {
    if (win.navigator.onLine === false || !outbox.waiting()) return;
    withExtras('sending receipts', (loaded) => {
      receipts ??= loaded.createReceipts(win, receiptUrl, outbox, warn);
      receipts.flush();
    });
  };
  win.addEventListener('online', send);
  rt.onCommit((next, _changed, _source, fromOtherTab) => {
    if (!next || fromOtherTab) return;
    const receipt = toReceipt(next, win.location.href, VERSION, shopName(settings.values.shop));
    guard('keeping the receipt', () => outbox.add(JSON.stringify(receipt)));
    send();
  });
  return send;
};
