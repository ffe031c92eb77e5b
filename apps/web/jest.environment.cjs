/**
 * jsdom lacks the WHATWG fetch classes that react-router (Request for loaders) and our API client
 * (fetch, Response) use. Lend Node's own, with Node's AbortController so that a `new Request(url,
 * { signal })` accepts the signal. jsdom keeps its DOM classes (FormData, Blob, File) for forms.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const fromNode = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'AbortController',
  'AbortSignal',
  'TextEncoder',
  'TextDecoder',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'structuredClone',
];

module.exports = class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(...args) {
    super(...args);
    for (const name of fromNode) this.global[name] = globalThis[name];
    // jsdom lays nothing out, so there is nothing to scroll (react-router's ScrollRestoration calls it).
    this.global.scrollTo = () => {};
  }
};
