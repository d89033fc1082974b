/**
 * Real HTTP endpoints for browser tests, served by the test runner's own
 * server on loopback:
 *
 * - /__sink/<collection>: stores POSTed JSON records by id, once per id, like
 *   a server honouring client ids; answers 503 while "down".
 * - the `sink` server command (from tests: executeServerCommand('sink', …))
 *   takes it down, brings it up, reports what it holds, or resets it.
 */
const sink = { down: false, records: new Map(), posts: 0 };

async function body(req) {
  let data = '';
  for await (const chunk of req) data += chunk;
  return data;
}

function sinkMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__sink/')) return next();
    if (sink.down) {
      ctx.status = 503;
      ctx.body = { title: 'Service Unavailable', detail: 'The test sink is down.' };
      return;
    }
    if (ctx.method === 'POST') {
      sink.posts += 1;
      const record = JSON.parse(await body(ctx.req));
      if (record.email === 'reject@example.org') {
        ctx.status = 422;
        ctx.body = { title: 'Unprocessable Content', detail: 'email: this address is refused by the test sink.' };
        return;
      }
      const key = `${ctx.path.slice(8)}/${record.id}`;
      if (!sink.records.has(key)) sink.records.set(key, record);
      ctx.status = 201;
      ctx.body = { id: record.id };
      return;
    }
    ctx.status = 405;
  };
}

function sinkCommands() {
  return {
    name: 'archipel-sink-commands',
    executeCommand({ command, payload }) {
      if (command !== 'sink') return undefined;
      switch (payload?.action) {
        case 'down':
          sink.down = true;
          break;
        case 'up':
          sink.down = false;
          break;
        case 'reset':
          sink.down = false;
          sink.records.clear();
          sink.posts = 0;
          break;
        default:
          break;
      }
      return { down: sink.down, posts: sink.posts, ids: [...sink.records.keys()] };
    },
  };
}

export function testServerPlugins() {
  return [sinkCommands()];
}

export function testMiddleware() {
  return [sinkMiddleware()];
}
