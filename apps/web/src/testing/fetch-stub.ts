/** Stands in for the network, the boundary of the app: every fetch answers with `respond(request)`. */
export function stubFetch(respond: (request: Request) => Response | Promise<Response>) {
  const fetchStub = jest.fn((input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(respond(new Request(new URL(String(input), 'http://localhost'), init))),
  );
  globalThis.fetch = fetchStub as typeof fetch;
  return fetchStub;
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
