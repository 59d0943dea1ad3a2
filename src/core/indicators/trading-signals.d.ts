/**
 * Types for trading-signals under this repo's `moduleResolution: node`: the package declares its types only through
 * package.json "exports" (index.d.cts for require), which node10 resolution does not read. This points the bare
 * specifier at the CommonJS declarations; at run time Node resolves `require('trading-signals')` through "exports".
 * Delete this file if tsconfig moves to node16/nodenext/bundler resolution.
 */
declare module 'trading-signals' {
  export * from 'trading-signals/dist/index.cjs';
}
