// Types for the TypeScript files that import scripts/bundles.mjs (the package's tests).
export declare const LANGS: string[];
export declare const BANNERS: Record<string, string>;
export declare const BUNDLES: Record<string, string>;
