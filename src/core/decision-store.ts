/** Where the encoded decision lives between page views; the cookie in the browser, a map in tests. */
export interface DecisionStore {
  read(): string | undefined;
  write(value: string): void;
  remove(): void;
}

export const COOKIE_NAME = 'shopconsent';
