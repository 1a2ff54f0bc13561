import { describe, expect, it, vi } from 'vitest';
import { observeGatedTags, requiredPurposes } from './gated-tags';

/** Lets the MutationObserver deliver its records. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const setup = () => {
  const doc = document.implementation.createHTMLDocument('shop');
  const onAdded = vi.fn();
  observeGatedTags(doc, onAdded);
  return { doc, onAdded };
};

describe('observeGatedTags', () => {
  it('hears a gated script or iframe added later, on its own or inside a block', async () => {
    const { doc, onAdded } = setup();
    const script = doc.createElement('script');
    script.type = 'text/plain';
    script.setAttribute('data-consent', 'analytics');
    doc.body.append(script);
    await flush();
    expect(onAdded).toHaveBeenCalledTimes(1);

    const block = doc.createElement('section');
    block.innerHTML = '<div><iframe data-consent="marketing" data-src="https://video.example/1"></iframe></div>';
    doc.body.append(block);
    await flush();
    expect(onAdded).toHaveBeenCalledTimes(2);
  });

  it('calls once for many gated tags added at once', async () => {
    const { doc, onAdded } = setup();
    for (let i = 0; i < 5; i++) {
      const script = doc.createElement('script');
      script.type = 'text/plain';
      script.setAttribute('data-consent', 'analytics');
      doc.body.append(script);
    }
    await flush();
    expect(onAdded).toHaveBeenCalledTimes(1);
  });

  it('ignores everything else: live scripts, iframes without data-src, text', async () => {
    const { doc, onAdded } = setup();
    const live = doc.createElement('script');
    live.setAttribute('data-consent', 'analytics');
    const plain = doc.createElement('script');
    plain.type = 'text/plain';
    doc.body.append(live, plain, doc.createTextNode('hello'));
    doc.body.insertAdjacentHTML('beforeend', '<iframe data-consent="marketing" src="/x"></iframe><p>text</p>');
    await flush();
    expect(onAdded).not.toHaveBeenCalled();
  });
});

describe('requiredPurposes', () => {
  it('reads purposes separated by spaces or commas', () => {
    const element = document.createElement('script');
    element.setAttribute('data-consent', ' analytics, marketing  personalization ');
    expect(requiredPurposes(element)).toEqual(['analytics', 'marketing', 'personalization']);
    element.setAttribute('data-consent', '');
    expect(requiredPurposes(element)).toEqual([]);
  });
});
