import { describe, expect, it } from 'vitest';
import { causeFromStack } from './trace';

const page = 'http://127.0.0.1:4231/shop/index.html';

describe('causeFromStack', () => {
  it('names the first script with an address, skipping the init script frames', () => {
    const stack = [
      'Error',
      '    at report (<anonymous>:4:61)',
      '    at set (<anonymous>:15:9)',
      '    at track (http://127.0.0.1:4231/shop/tag.js:3:19)',
      '    at http://127.0.0.1:4231/shop/index.html:20:5',
    ].join('\n');
    expect(causeFromStack(stack, page)).toEqual({ kind: 'script', url: 'http://127.0.0.1:4231/shop/tag.js', line: 3 });
  });

  it('calls a frame of the page itself an inline script of that page, fragment or not', () => {
    const stack = 'Error\n    at <anonymous>:4:61\n    at http://127.0.0.1:4231/shop/index.html:12:20';
    expect(causeFromStack(stack, `${page}#top`)).toEqual({ kind: 'inline-script', page, line: 12 });
  });

  it('says nothing when no frame has an address', () => {
    expect(causeFromStack('Error\n    at eval (eval at <anonymous>)', page)).toBeUndefined();
  });
});
