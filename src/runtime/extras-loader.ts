import { guard, reportError } from '../core/warn';
import type { Extras, ExtrasLoader } from './types';

export type WithExtras = <T>(what: string, use: (loaded: Extras) => T) => Promise<T | null>;

/** Runs `use` once the extras bundle is there, loading it the first time; a failure is reported once per try. */
export const createExtrasLoader = (loadExtras: ExtrasLoader): WithExtras => {
  let extras: Promise<Extras> | undefined;
  return (what, use) => {
    if (!extras) {
      extras = loadExtras();
      extras.catch((error) => {
        extras = undefined;
        reportError(`could not load the extras, so ${what} waits:`, error);
      });
    }
    return extras.then(
      (loaded) => guard(what, () => use(loaded)),
      () => null,
    );
  };
};
