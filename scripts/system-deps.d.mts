// Types for the TypeScript files that import scripts/system-deps.mjs (the tests' helpers and configs).
export declare const chromiumPath: () => string | undefined;
export declare const postgresBinDir: () => string | undefined;
export declare const sofficePath: () => string | undefined;
