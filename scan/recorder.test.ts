import { describe, expect, it } from 'vitest';
import { causeOfRequest, resolveParserCause } from './recorder';

const page = 'http://shop.test/index.html';

describe('causeOfRequest', () => {
  it('names the first script on the stack, counting lines from 1', () => {
    const initiator = {
      type: 'script',
      stack: { callFrames: [], parent: { callFrames: [{ url: 'http://shop.test/fbevents.js', lineNumber: 0 }] } },
    };
    expect(causeOfRequest(initiator, page)).toEqual({ kind: 'script', url: 'http://shop.test/fbevents.js', line: 1 });
  });

  it('names the page and the line for an element in its HTML', () => {
    expect(causeOfRequest({ type: 'parser', url: page, lineNumber: 10 }, page)).toEqual({
      kind: 'parser',
      page,
      line: 11,
    });
  });
});

describe('resolveParserCause', () => {
  const source = '<!doctype html>\n<img src="https://px.test/a.gif">\n  <script src="/tags/pixel.js"></script>';

  it('names the script whose tag is on the line Chromium gives', () => {
    expect(resolveParserCause({ kind: 'parser', page, line: 3 }, source)).toEqual({
      kind: 'script',
      url: 'http://shop.test/tags/pixel.js',
    });
  });

  it('keeps the page when that line holds no script tag', () => {
    expect(resolveParserCause({ kind: 'parser', page, line: 2 }, source)).toEqual({ kind: 'parser', page, line: 2 });
  });
});
