// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCookieDb } from './compile';
import { lookUpCookie } from './lookup';

const csv = `ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match
1,Google Analytics,Analytics,_ga,,"Registers a unique id, used for statistics",2 years,Google,,0
2,Google Analytics,Analytics,_ga_,,"Session state, one per property",2 years,Google,,1
3,Hotjar,Functional,_hjSession_,,Session,30 minutes,Hotjar,,1
4,Hotjar,Functional,_hjSessionUser_,,User,1 year,Hotjar,,1
5,One,Marketing,token,,,,,,0
6,Two,Functional,token,,,,,,0`;

describe('the Open Cookie Database lookup', () => {
  const db = compileCookieDb(csv);

  it('finds an exact name, then the longest wildcard prefix', () => {
    expect(lookUpCookie(db, '_ga')).toEqual({ platform: 'Google Analytics', category: 'Analytics' });
    expect(lookUpCookie(db, '_ga_ABC123')).toEqual({ platform: 'Google Analytics', category: 'Analytics' });
    expect(lookUpCookie(db, '_hjSessionUser_42')).toEqual({ platform: 'Hotjar', category: 'Functional' });
  });

  it('knows nothing of a name it does not list, nor of inherited property names', () => {
    expect(lookUpCookie(db, 'fixture_blob')).toBeUndefined();
    expect(lookUpCookie(db, 'constructor')).toBeUndefined();
    expect(lookUpCookie(db, '__proto__')).toBeUndefined();
  });

  it('leaves out a name listed with two different categories', () => {
    expect(lookUpCookie(db, 'token')).toBeUndefined();
  });

  it('compiles the vendored database to a lookup a fraction of its size', () => {
    const text = readFileSync(join(import.meta.dirname, 'open-cookie-database.csv'), 'utf8');
    const full = compileCookieDb(text);
    expect(lookUpCookie(full, '_fbp')).toEqual({ platform: 'Facebook', category: 'Marketing' });
    expect(lookUpCookie(full, 'mp_0123_mixpanel')).toEqual({ platform: 'Mixpanel', category: 'Analytics' });
    expect(JSON.stringify(full).length).toBeLessThan(text.length / 5);
  });
});
