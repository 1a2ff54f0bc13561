/** Every message the widget prints starts with this, so shop owners can filter the console. */
const PREFIX = '[ShopConsent]';

export type Warn = (message: string) => void;

export const warn: Warn = (message) => {
  console.warn(`${PREFIX} ${message}`);
};

export const reportError = (message: string, cause?: unknown): void => {
  console.error(`${PREFIX} ${message}`, ...(cause === undefined ? [] : [cause]));
};

/** Runs `fn`; what it throws goes to the console instead of into the host page. */
export const guard = <T>(what: string, fn: () => T): T | null => {
  try {
    return fn();
  } catch (error) {
    reportError(`${what} failed:`, error);
    return null;
  }
};
