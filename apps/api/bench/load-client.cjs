// autocannon's setupClient for `bench:record`: each connection takes the next cookie and body of the
// route's clients. In the bench's own thread record.bench.ts calls `forClients` with them; in worker
// threads (AUTOCANNON_WORKERS) autocannon requires this module, which reads them from the JSON file
// named by BENCH_LOAD_CLIENTS (each run starts new workers, so each route starts from its first client).
const { readFileSync } = require('node:fs');

/** A setupClient giving connection i the i-th cookie and body (round robin). */
function forClients({ cookies = [], bodies = [], json = false }) {
  let next = 0;
  const headers = json ? { 'content-type': 'application/json' } : {};
  return (client) => {
    const i = next++;
    const cookie = cookies[i % Math.max(1, cookies.length)];
    if (cookie) client.setHeaders({ cookie, ...headers });
    const body = bodies[i % Math.max(1, bodies.length)];
    if (body) client.setBody(body);
  };
}

let fromFile;
module.exports = (client) => {
  fromFile ??= forClients(JSON.parse(readFileSync(process.env.BENCH_LOAD_CLIENTS, 'utf8')));
  fromFile(client);
};
module.exports.forClients = forClients;
