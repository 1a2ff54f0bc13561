import { GATED_SCRIPTS, requiredPurposes } from './gated-tags';

/** Replaces the inert placeholder with a live copy; resolves once an external script has loaded or failed. */
const run = (doc: Document, placeholder: HTMLScriptElement): Promise<unknown> | undefined => {
  const script = doc.createElement('script');
  for (const { name, value } of Array.from(placeholder.attributes)) {
    if (name !== 'type') script.setAttribute(name, value);
  }
  // `data-type="module"` restores a type other than classic JavaScript.
  script.type = placeholder.getAttribute('data-type') ?? '';
  // The parser hides `nonce` from getAttribute once parsed; only the property still holds it.
  script.nonce = placeholder.nonce ?? '';
  if (!placeholder.src) {
    script.text = placeholder.text;
    placeholder.replaceWith(script);
    return;
  }
  const settled = new Promise((resolve) => {
    script.onload = script.onerror = resolve;
  });
  placeholder.replaceWith(script);
  return settled;
};

/**
 * Runs `<script type="text/plain" data-consent="…">` tags once their purposes are granted: each exactly
 * once, in document order, an external one finishing before the next starts, as the browser would have
 * run them. Releases queue up, so two quick decisions never run a tag twice, and tags the page adds
 * later wait for the external ones released before them.
 */
export const createScriptGate = (doc: Document, isGranted: (purposes: string[]) => boolean) => {
  let queue: Promise<unknown> = Promise.resolve();
  const releaseAll = async () => {
    for (const placeholder of Array.from(doc.querySelectorAll<HTMLScriptElement>(GATED_SCRIPTS))) {
      const purposes = requiredPurposes(placeholder);
      if (purposes.length > 0 && placeholder.isConnected && isGranted(purposes)) await run(doc, placeholder);
    }
  };
  return {
    release: (): Promise<unknown> => {
      const released = queue.then(releaseAll);
      // One failed release must not stop the next decision's release.
      queue = released.catch(() => {});
      return released;
    },
  };
};
