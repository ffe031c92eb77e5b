// autocannon's setupClient for `bench:record` when the load runs in worker threads (AUTOCANNON_WORKERS):
// each connection takes the next cookie and body of the JSON file named by BENCH_LOAD_CLIENTS, as the
// in-thread setupClient of record.bench.ts does.
const { readFileSync } = require('node:fs');

const {
  cookies = [],
  bodies = [],
  json = false,
} = JSON.parse(readFileSync(process.env.BENCH_LOAD_CLIENTS, 'utf8'));
let next = 0;

module.exports = (client) => {
  const i = next++;
  const headers = json ? { 'content-type': 'application/json' } : {};
  const cookie = cookies[i % Math.max(1, cookies.length)];
  if (cookie) client.setHeaders({ cookie, ...headers });
  const body = bodies[i % Math.max(1, bodies.length)];
  if (body) client.setBody(body);
};
