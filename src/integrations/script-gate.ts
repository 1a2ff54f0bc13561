const SELECTOR = 'script[type="text/plain"][data-consent]';

/** The purposes a gated tag names: `data-consent="analytics marketing"` needs both. */
export const requiredPurposes = (element: Element): string[] =>
  (element.getAttribute('data-consent') ?? '').split(/[\s,]+/).filter(Boolean);

/**
 * Runs `<script type="text/plain" data-consent="…">` tags once their purposes are granted: each exactly
 * once, in document order, an external one finishing before the next one starts, as the browser would
 * have run them.
 */
export const createScriptGate = (doc: Document, isGranted: (purposes: string[]) => boolean) => {
  let running = false;
  let again = false;

  const run = (placeholder: HTMLScriptElement): Promise<void> => {
    const script = doc.createElement('script');
    for (const { name, value } of Array.from(placeholder.attributes)) {
      if (name !== 'type' && name !== 'data-type') script.setAttribute(name, value);
    }
    const type = placeholder.getAttribute('data-type');
    if (type) script.type = type;
    // The parser hides `nonce` from getAttribute once parsed; only the property still holds it.
    if (placeholder.nonce) script.nonce = placeholder.nonce;
    if (!placeholder.src) {
      script.text = placeholder.text;
      placeholder.replaceWith(script);
      return Promise.resolve();
    }
    const loaded = new Promise<void>((resolve) => {
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => resolve());
    });
    // Dynamically inserted scripts are async by default; order is kept by waiting for each one instead.
    placeholder.replaceWith(script);
    return loaded;
  };

  const release = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        for (const placeholder of Array.from(doc.querySelectorAll<HTMLScriptElement>(SELECTOR))) {
          const purposes = requiredPurposes(placeholder);
          if (purposes.length > 0 && placeholder.isConnected && isGranted(purposes)) await run(placeholder);
        }
      } while (again);
    } finally {
      running = false;
    }
  };

  return { release };
};
