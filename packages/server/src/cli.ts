/** archipel-server: run the reference server, manage staff tokens, import data. */
import { readFileSync, existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TOKEN_DAYS, TOKEN_MAX_DAYS } from './db.js';
import { correctPerson, countOf, erasePerson, findPerson, logPersonAccess } from './people.js';
import { importRecords } from './import-records.js';
import { moveToPostgres } from './move.js';
import { readyStorage } from './open-storage.js';
import { LOG_LEVELS, type LogLevel } from './options.js';
import { publish } from './publish.js';
import { startServer } from './start.js';
import { addFeed, describeSync, listFeeds, removeFeed, syncFeeds } from './sync.js';
import { collect, describeCollect, NETWORKS } from './collect.js';

// Kept as text rather than read from this file's comment: the published server is a bundle without comments.
const USAGE = `
  archipel-server [--db ./campaign.db | --db postgres://user@host/campaign] [--port 8080] [--host 127.0.0.1] [--cors https://site.example,…]
                  [--trust-proxy] [--writes-per-minute 30] [--static /dist/=./dist] [--home /demo/]
                  [--uploads ./uploads]   (logos an earlier version kept there; new ones go in the database)
                  [--log-level info]    (${LOG_LEVELS.join(', ')}) [--metrics]   (GET /metrics, Prometheus text)
                  (--db defaults to $ARCHIPEL_DB, then $DATABASE_URL, then ./archipel.db)
                  [--photos ./photos]   (keep supporters' uploaded photos there, stripped of location and resized;
                                         without it, uploads are refused) [--max-photo-mb 8]
                  [--retain-months N]   (erase sign-ups, proposed actions, and the contact details of survey responses and RSVPs, older than N
                                         months: when the server starts, then every day)
  archipel-server token create --name NAME [--chapter ID] [--expires 90d] [--db …]
                  (one token a person; with --chapter, that chapter's lead: its sign-ups, responses and posts
                   only; without, campaign staff. Expires after 1 to ${TOKEN_MAX_DAYS} days, ${TOKEN_DAYS} unless told.)
  archipel-server token list [--db …]
  archipel-server token revoke --name NAME [--db …]
  archipel-server people find|export|erase (--email ADDRESS | --phone NUMBER) [--db …]
  archipel-server people correct (--email ADDRESS | --phone NUMBER) [--set-name N] [--set-email E] [--set-phone P] [--db …]
                  (a person's data across sign-ups, responses and chapters' leaders: find lists it, export prints
                   it as JSON, correct changes their name, email or phone wherever held, erase erases it and keeps
                   a record of the erasure without the data; all logged)
  archipel-server publish DIR [--db …]
                  (writes actions.json, chapters.json, posts.json and surveys.json for a static host:
                   public fields and approved posts only, never sign-ups or responses)
  archipel-server access-log [--since 2026-11-01] [--db …]
                  (who read or exported personal data, when, what and how many records)
  archipel-server migrate --from sqlite://./campaign.db --to postgres://user@host:5432/campaign
                  (moves every record, receipt, token and blocked author into an empty PostgreSQL database)
  archipel-server import FOLDER [--db …] [--base-url https://site.example/data/]
                  (actions.json, chapters.json, posts.json, surveys.json, responses.json; relative
                   image, logo and video paths are resolved against --base-url, where those files are published)
  archipel-server feeds add URL [--label "Alternatiba Lyon"] [--chapter lyon] [--db …]
  archipel-server feeds list [--db …]
  archipel-server feeds remove URL [--db …]
                  (calendars and other sources whose actions the server reads: .ics, webcal:, Mobilizon…)
  archipel-server sync [--every MINUTES] [--db …]
                  (reads every feed once, or every MINUTES; a feed that fails keeps its last actions)
  archipel-server collect --tag VagueClimat [--mastodon https://mastodon.social] [--pixelfed https://pixelfed.social]
                  [--bluesky https://public.api.bsky.app] [--trust @you@mastodon.social,@you.bsky.social] [--chapter ID]
                  [--every MINUTES] [--db …]
                  (posts under the hashtags, into the moderation queue; trusted accounts' posts are published at once)
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: process.env.ARCHIPEL_DB ?? process.env.DATABASE_URL ?? './archipel.db' },
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    cors: { type: 'string', default: process.env.ARCHIPEL_CORS ?? '' },
    'trust-proxy': { type: 'boolean', default: false },
    'writes-per-minute': { type: 'string', default: '30' },
    static: { type: 'string', multiple: true, default: [] },
    home: { type: 'string' },
    uploads: { type: 'string' },
    'log-level': { type: 'string', default: process.env.ARCHIPEL_LOG_LEVEL ?? 'info' },
    metrics: { type: 'boolean', default: process.env.ARCHIPEL_METRICS === '1' },
    name: { type: 'string' },
    chapter: { type: 'string' },
    email: { type: 'string' },
    phone: { type: 'string' },
    'set-name': { type: 'string' },
    'set-email': { type: 'string' },
    'set-phone': { type: 'string' },
    'retain-months': { type: 'string' },
    photos: { type: 'string', default: process.env.ARCHIPEL_PHOTOS },
    'max-photo-mb': { type: 'string' },
    since: { type: 'string' },
    expires: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'base-url': { type: 'string' },
    label: { type: 'string' },
    every: { type: 'string' },
    tag: { type: 'string', multiple: true, default: [] },
    mastodon: { type: 'string', multiple: true, default: [] },
    pixelfed: { type: 'string', multiple: true, default: [] },
    bluesky: { type: 'string', multiple: true, default: [] },
    trust: { type: 'string', default: '' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

/** A mistake on the command line: said plainly, without a stack trace. */
function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function usage(): never {
  console.log(USAGE);
  process.exit(0);
}

const [command, sub, arg] = positionals;
if (values.help) usage();

if (command === 'token') {
  const store = await readyStorage(values.db!);
  if (sub === 'create') {
    if (!values.name) fail('token create needs --name, e.g. --name "Léa (national team)"');
    const days = values.expires === undefined ? TOKEN_DAYS : Number(/^(\d+)\s*d?$/i.exec(values.expires.trim())?.[1]);
    if (!(days >= 1 && days <= TOKEN_MAX_DAYS)) fail(`--expires takes a number of days from 1 to ${TOKEN_MAX_DAYS}, such as 90d; not "${values.expires}".`);
    const chapter = values.chapter?.trim().toLowerCase();
    if (chapter && !(await store.get('chapters', chapter))) console.error(`Note: no chapter "${chapter}" is in this database yet; the token reads that chapter's records only.`);
    let token: string;
    try {
      token = await store.createToken(values.name, { chapter, days });
    } catch (e) {
      fail((e as Error).message);
    }
    console.log(token);
    const who = chapter ? `lead of the chapter "${chapter}"` : 'campaign staff';
    const until = (await store.listTokens()).find((t) => t.name === values.name)!.expires.slice(0, 10);
    console.error(`Token for "${values.name}" (${who}) created, valid until ${until}. It is shown once: keep it somewhere safe.`);
  } else if (sub === 'revoke') {
    if (!values.name) fail('token revoke needs --name');
    console.log((await store.revokeToken(values.name)) ? `Token "${values.name}" revoked.` : `No active token named "${values.name}".`);
  } else if (sub === 'list') {
    const now = new Date().toISOString();
    for (const t of await store.listTokens()) {
      const state = t.revoked ? `revoked ${t.revoked}` : t.expires <= now ? `expired ${t.expires}` : `expires ${t.expires}`;
      console.log(`${t.name}\t${t.chapter ? `chapter ${t.chapter}` : 'campaign staff'}\tcreated ${t.created}\t${state}`);
    }
  } else usage();
  await store.close();
} else if (command === 'people') {
  const store = await readyStorage(values.db!);
  const who = { email: values.email, phone: values.phone };
  if (!who.email && !who.phone) fail('people needs --email ADDRESS or --phone NUMBER.');
  // Whoever runs the command is named in the access log by their account on this machine.
  const operator = { name: `command line (${userInfo().username})`, chapter: null };
  try {
    if (sub === 'find' || sub === 'export') {
      const found = await findPerson(store, who);
      await logPersonAccess(store, operator, sub, who, countOf(found));
      if (sub === 'export') console.log(JSON.stringify({ exported: new Date().toISOString(), ...found }, null, 2));
      else {
        for (const s of found.signups as { id: string; created?: string; chapter?: string }[]) console.log(`sign-up\t${s.id}\t${s.created ?? ''}\t${s.chapter ?? ''}`);
        for (const r of found.responses as { id: string; survey: string; created?: string }[]) console.log(`survey response\t${r.id}\t${r.created ?? ''}\t${r.survey}`);
        for (const l of found.leaders) console.log(`leader of a chapter\t${l.chapter}`);
        for (const p of found.proposals as { id: string; created?: string; chapter?: string }[]) console.log(`proposed action\t${p.id}\t${p.created ?? ''}\t${p.chapter ?? ''}`);
        for (const r of found.rsvps) console.log(`coming to an action\t${r.action}\t${r.start ?? ''}\t${r.title ?? ''}`);
        console.error(`${countOf(found)} records found. "people export" prints them in full, "people erase" erases them.`);
      }
    } else if (sub === 'correct') {
      const change = Object.fromEntries(
        Object.entries({ name: values['set-name'], email: values['set-email'], phone: values['set-phone'] }).filter(([, v]) => v !== undefined),
      );
      if (!Object.keys(change).length) throw new Error('people correct needs what to change: --set-name, --set-email or --set-phone.');
      const corrected = await correctPerson(store, who, change);
      await logPersonAccess(store, operator, 'correct', who, corrected);
      console.log(`${corrected} records corrected.`);
    } else if (sub === 'erase') {
      const erased = await erasePerson(store, who, operator.name);
      await logPersonAccess(store, operator, 'erase', who, erased);
      console.log(`${erased} records erased; a record that the erasure happened is kept, without the data.`);
    } else usage();
  } catch (e) {
    await store.close();
    fail((e as Error).message);
  }
  await store.close();
} else if (command === 'publish') {
  const dir = sub ?? arg;
  if (!dir) usage();
  const store = await readyStorage(values.db!);
  const counts = await publish(store, dir);
  await store.close();
  console.log(`Written to ${dir}: ${Object.entries(counts).map(([c, n]) => `${n} ${c}`).join(', ')} (public fields only).`);
} else if (command === 'access-log') {
  const store = await readyStorage(values.db!);
  const since = values.since ? new Date(values.since) : undefined;
  if (since && Number.isNaN(since.getTime())) fail(`--since takes a date such as 2026-11-01, not "${values.since}".`);
  for (let after = 0; ; ) {
    const page = await store.accessLog({ since: since?.toISOString(), after, limit: 1000 });
    for (const e of page) console.log(`${e.at}\t${e.who}${e.chapter ? ` (chapter ${e.chapter})` : ''}\t${e.action}\t${e.what}\t${e.count} records`);
    if (page.length < 1000) break;
    after = page.at(-1)!.id;
  }
  await store.close();
} else if (command === 'migrate') {
  if (!values.from || !values.to) usage();
  const counts = await moveToPostgres(values.from, values.to);
  console.log(`Moved ${counts.items} records, ${counts.tokens} staff tokens and ${counts.blocked_authors} blocked authors to PostgreSQL. Start the server with --db ${values.to.replace(/\/\/[^@/]*@/, '//…@')}`);
} else if (command === 'import') {
  const folder = sub ?? arg;
  if (!folder) usage();
  const store = await readyStorage(values.db!);
  const data: Record<string, unknown[]> = {};
  for (const c of ['actions', 'chapters', 'posts', 'surveys', 'responses']) {
    const file = join(folder, `${c}.json`);
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    // The same shapes the JSON adapter reads: an array, or an object keyed by the collection or "items".
    const rows = Array.isArray(json) ? json : (json as Record<string, unknown>)[c] ?? (json as Record<string, unknown>).items;
    if (!Array.isArray(rows)) throw new Error(`${file} should hold a list of ${c}.`);
    data[c] = rows;
  }
  for (const [c, r] of Object.entries(await importRecords(store, data, { baseUrl: values['base-url'] }))) {
    console.log(`${c}: ${r.stored} stored, ${r.skipped.length} skipped${r.skipped.map((s) => `\n  row ${s.row}: ${s.reason}`).join('')}`);
  }
  await store.close();
} else if (command === 'feeds') {
  const store = await readyStorage(values.db!);
  if (sub === 'add' && arg) {
    await addFeed(store, arg, { label: values.label, chapter: values.chapter });
    console.log(`Feed ${arg} added; run archipel-server sync to read it.`);
  } else if (sub === 'remove' && arg) {
    console.log((await removeFeed(store, arg)) ? `Feed ${arg} removed, with the actions it brought.` : `No feed ${arg}.`);
  } else if (sub === 'list') {
    for (const f of await listFeeds(store)) console.log(`${f.url}${f.label ? `\t"${f.label}"` : ''}${f.chapter ? `\tchapter ${f.chapter}` : ''}\t${f.error ? `failed: ${f.error}` : f.synced ? `synced ${f.synced}` : 'never synced'}`);
  } else usage();
  await store.close();
} else if (command === 'sync') {
  const store = await readyStorage(values.db!);
  const once = async () => {
    const reports = await syncFeeds(store);
    if (!reports.length) console.log('No feeds yet: add one with archipel-server feeds add URL.');
    for (const r of reports) console.log(describeSync(r));
    return reports.every((r) => !r.error);
  };
  const minutes = Number(values.every);
  if (values.every !== undefined && !(minutes >= 1)) throw new Error(`--every takes a number of minutes, at least 1, not "${values.every}".`);
  if (values.every === undefined) {
    process.exitCode = (await once()) ? 0 : 1;
    await store.close();
  } else {
    await once();
    const timer = setInterval(() => void once(), minutes * 60_000);
    const stop = () => {
      clearInterval(timer);
      void store.close();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} else if (command === 'collect') {
  const sources = NETWORKS.flatMap((network) => (values[network] ?? []).map((base) => ({ network, base })));
  for (const { network, base } of sources) if (!URL.canParse(base)) fail(`--${network} takes the server's address, such as https://${network === 'bluesky' ? 'public.api.bsky.app' : `${network}.social`}; not "${base}".`);
  if (!values.tag?.length) fail('collect needs at least one --tag, the hashtag without its "#", such as --tag VagueClimat.');
  if (!sources.length) fail('collect needs at least one server to read: --mastodon https://mastodon.social, --pixelfed https://pixelfed.social or --bluesky https://public.api.bsky.app.');
  const minutes = Number(values.every);
  if (values.every !== undefined && !(minutes >= 1)) fail(`--every takes a number of minutes, at least 1, not "${values.every}".`);
  const storage = await readyStorage(values.db!);
  const trusted = values.trust ? values.trust.split(',').map((s) => s.trim()).filter(Boolean) : [];
  const once = async () => {
    const reports = await collect(storage, { sources, tags: values.tag!, trusted, chapter: values.chapter });
    for (const r of reports) console.log(describeCollect(r));
    return reports.every((r) => !r.error);
  };
  if (values.every === undefined) {
    process.exitCode = (await once()) ? 0 : 1;
    await storage.close();
  } else {
    await once();
    const timer = setInterval(() => void once(), minutes * 60_000);
    const stop = () => {
      clearInterval(timer);
      void storage.close();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} else if (command === undefined || command === 'serve') {
  const logLevel = values['log-level']!;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new Error(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".`);
  const retainMonths = values['retain-months'] === undefined ? undefined : Number(values['retain-months']);
  if (retainMonths !== undefined && !(Number.isInteger(retainMonths) && retainMonths >= 1)) fail(`--retain-months takes a whole number of months, such as 24; not "${values['retain-months']}".`);
  const statics = Object.fromEntries((values.static ?? []).map((s) => s.split('=') as [string, string]));
  const server = await startServer({
    db: values.db!,
    port: Number(values.port),
    host: values.host,
    cors: values.cors ? values.cors.split(',').map((s) => s.trim()) : [],
    trustProxy: values['trust-proxy'],
    writesPerMinute: Number(values['writes-per-minute']),
    statics,
    home: values.home,
    uploads: values.uploads,
    logLevel: logLevel as LogLevel,
    retainMonths,
    metrics: values.metrics,
    photos: values.photos,
    maxPhotoBytes: values['max-photo-mb'] === undefined ? undefined : Math.round(Number(values['max-photo-mb']) * 1024 * 1024) || fail(`--max-photo-mb takes a number of megabytes, such as 8; not "${values['max-photo-mb']}".`),
  });
  console.log(`Archipel server on ${server.url}/api (database ${server.store.kind === 'postgres' ? 'PostgreSQL' : values.db})`);
  // Requests under way are answered and the database is closed cleanly (its WAL checkpointed) before the process ends.
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else usage();
