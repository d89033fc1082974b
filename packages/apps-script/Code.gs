/**
 * Archipel — the web app of a campaign's Google Sheet.
 *
 * Two spreadsheets, so that nothing personal is ever where a web page can read it:
 * - the public sheet this script is pasted into (Extensions → Apps Script), shared "Anyone with the
 *   link" for reading: the tabs actions, chapters, posts and surveys. Nothing personal is written
 *   into it, and reads serve only each collection's public fields (PUBLIC_FIELDS below).
 * - the private spreadsheet that setUp() creates and that is shared with nobody: sign-ups, survey
 *   answers, what each post's author consented to, blocked authors, staff tokens (as SHA-256
 *   fingerprints), the access log and the record of erasures.
 * packages/apps-script/README.md walks a campaign through it, in plain words.
 *
 * Public reads (cacheable):
 *   GET <exec>?collection=actions|chapters|posts|surveys[&chapter=][&since=]   → {"ok": true, "items": [...]}
 *   GET <exec>?photo=<id>   → {"ok": true, "url": "...", "sizes": {...}} while an approved post shows that photo
 * Writes (POST <exec>, body text/plain holding JSON):
 *   {"collection": "signups"|"posts"|"responses", "record": {...}, "meta": {"hp": "", "elapsed": 5234}}
 *     → {"ok": true, "id": "...", "status": "stored"|"pending", "secret": "..." (sign-ups and responses)}
 *   {"action": "upload-photo", "photo": "<base64 JPEG or PNG, up to 3 MB>", "meta": {...}}
 *     → {"ok": true, "id": "...", "url": "..."}: into a private Drive folder, shared only while approved
 * Staff, with a personal token, which travels in the body and never in an address:
 *   {"action": "read", "collection": "signups"|"responses"|"moderation"|"access_log", "token": "...",
 *    "chapter"?: "...", "since"?: "...", "status"?: "pending,hidden", "export"?: true}    → {"ok": true, "items": [...]}
 *   {"action": "moderate", "id": "...", "moderation": "approve"|"hide"|"pin"|"unpin"|"block-author", "token": "..."}
 *                                                                                         → {"ok": true, "post": {...}}
 *   {"action": "find-person", "token": "...", "email"?: "...", "phone"?: "..."}  → {"ok": true, "person": {"signups", "responses", "posts"}}
 *   {"action": "erase-person", "token": "...", "email"?: "...", "phone"?: "..."} → {"ok": true, "erased": 3}
 *   {"action": "edit-chapter", "token": "...", "id": "lyon", "change": {"slogan": "...", "color": "#7a1f5c", ...}}
 *     (a chapter's lead: their own chapter only)                         → {"ok": true, "chapter": {...public fields}}
 * A supporter, with the secret of the private link their receipt carried:
 *   {"action": "mine", "secret": "..."}                        → {"ok": true, "person": {"signups", "responses", "posts", "recruits"}}
 *   {"action": "forget-me", "secret": "...", "purpose"?: "..."} → {"ok": true, "erased": 1, "withdrawn": 0}
 *
 * Every answer is JSON: {"ok": true, ...} or {"ok": false, "status": 4xx/5xx, "error": "..."}.
 * A web app always answers HTTP 200, so the status travels inside the answer.
 *
 * Functions for the campaign team, in the spreadsheet's Archipel menu (or Run in the editor): setUp,
 * movePersonalData, createToken, revokeToken, listTokens, findPerson, exportPerson, erasePerson,
 * eraseOlderThan, eraseOlderThanEveryDay. In the editor only: installCollector, which runs collectSocial
 * every 10 minutes (posts under the campaign's hashtags on Mastodon, Pixelfed and Bluesky, into the posts
 * tab for moderation). Helpers end in "_": Apps Script then keeps them out of the Run menu and out of reach
 * of the outside world.
 */

/**
 * What anyone may read of each public collection: the fields of core's public schemas
 * (packages/core/src/contract.ts: Action, Chapter, Post, Survey), in their order. A column that is
 * not one of these (a leader's phone, private notes, a consent record) never leaves through a read.
 * tests/apps-script checks these lists against those schemas, so that they cannot drift apart.
 */
const PUBLIC_FIELDS = {
  actions: ['id', 'title', 'type', 'description', 'start', 'end', 'timezone', 'venue', 'address', 'city', 'postcode', 'country', 'lat', 'lng', 'virtual', 'url', 'chapter', 'priority', 'image', 'host', 'capacity', 'going', 'lang', 'translations'],
  chapters: ['id', 'name', 'slogan', 'description', 'city', 'region', 'country', 'postcode', 'lat', 'lng', 'logo', 'color', 'accent', 'website', 'email', 'links', 'leaders', 'lang', 'translations'],
  posts: ['id', 'author', 'text', 'image', 'alt', 'video', 'link', 'hashtags', 'chapter', 'created', 'status', 'pinned', 'source', 'account', 'lang', 'translations'],
  surveys: ['id', 'title', 'intro', 'thanks', 'public_results', 'opens', 'closes', 'questions', 'lang', 'translations'],
};
/** A chapter's leaders as anyone may read them (core's PublicLeaderSchema): their emails are for staff. */
const PUBLIC_LEADER_FIELDS = ['name', 'role', 'pronouns'];
/** A survey's questions (core's QuestionSchema). */
const PUBLIC_QUESTION_FIELDS = ['id', 'type', 'label', 'help', 'options', 'other', 'min', 'max', 'step', 'from', 'until', 'required', 'show_if', 'readiness'];

/**
 * The headers the widgets read as each public field, already normalised: a copy of
 * packages/core/src/headers.ts, so that a column is public here exactly when a widget would read it
 * as a public field. Public reads answer with the field names.
 */
const PUBLIC_ALIASES = {
  id: 'identifiant|identificador|reference|referencia',
  title: 'titre|titulo|intitule|nomdelaction|nombredelaaccion|action|accion',
  type: 'typedaction|tipo|tipodeaccion|categorie|categoria|category|kind',
  description: 'descripcion|details|detalles|resume|resumen|summary',
  start: 'debut|datededebut|datedebut|date|heure|startdate|starttime|begin|begins|inicio|fechadeinicio|fechainicio|fecha|when|quand|cuando',
  end: 'fin|datedefin|datefin|enddate|endtime|ends|fechadefin|fechafin|termino',
  timezone: 'fuseauhoraire|fuseau|tz|zonahoraria|zone|timezonename',
  venue: 'lieu|salle|lugar|sitio|place|location',
  address: 'adresse|direccion|calle|street|rue',
  city: 'ville|commune|ciudad|localidad|municipio|town',
  postcode: 'codepostal|cp|npa|zip|zipcode|postalcode|codigopostal',
  country: 'pays|pais',
  region: 'province|provincia|canton|departement|estado|state',
  lat: 'latitude|latitud',
  lng: 'longitude|longitud|lon|long',
  virtual: 'enligne|online|distanciel|virtuel|enlinea|remote|visio',
  url: 'lien|link|enlace|rsvp|inscription|inscripcion|registration|liendinscription|lieninscription|rsvplink|registrationlink|enlacedeinscripcion',
  chapter: 'groupe|groupelocal|chapitre|antenne|grupo|grupolocal|capitulo|seccion|group|localgroup|hub',
  priority: 'priorite|prioridad|niveau|tier',
  image: 'photo|foto|imagen|visuel|picture',
  host: 'hote|organisateur|organisatrice|organisation|anfitrion|organizador|organizadora|organizer|organiser',
  lang: 'langue|language|idioma|lengua|langage|sprache',
  name: 'nom|nombre',
  slogan: 'devise|lema|tagline|accroche',
  logo: 'logotipo',
  color: 'couleur|colour|couleurprincipale|colorprincipal|brandcolor|brandcolour',
  accent: 'couleurdaccent|couleursecondaire|colordeacento|colorsecundario|accentcolor|secondarycolor',
  website: 'siteweb|siteinternet|site|sitioweb|web|homepage',
  email: 'courriel|mail|correo|correoelectronico|adresseemail|emailaddress',
  links: 'liens|enlaces|reseaux|reseauxsociaux|redes|redessociales|social|socials',
  leaders: 'responsables|referents|referentes|coordinateurs|lideres|coordinadores',
  author: 'auteur|auteure|autrice|autor|autora|par|by',
  text: 'texte|texto|temoignage|testimonio|testimony|message|mensaje|contenu|contenido|content|body',
  video: 'videos',
  link: 'lien|enlace|url',
  hashtags: 'hashtag|motscles|tags|etiquetas',
  created: 'cree|creele|datedecreation|date|fecha|publie|publiele|publicado|createdat|timestamp|horodateur|marcatemporal',
  status: 'statut|etat|estado|moderation',
  pinned: 'epingle|epinglee|fijado|destacado|pin',
  source: 'provenance|origen|plateforme|platform',
  intro: 'introduction|introduccion|chapo',
};

/** The private spreadsheet's tabs, with the columns setUp() creates them with. */
const PRIVATE_TABS = {
  signups: ['id', 'created', 'name', 'email', 'phone', 'postcode', 'chapter', 'interests', 'message', 'consent', 'locale', 'referrer', 'ref', 'utm', 'page', 'secret_hash'],
  responses: ['id', 'created', 'survey', 'chapter', 'postcode', 'region', 'contact', 'locale', 'secret_hash'],
  post_consents: ['id', 'created', 'consent', 'locale', 'contact'],
  blocked: ['author', 'blocked'],
  tokens: ['name', 'chapter', 'hash', 'created', 'expires', 'revoked'],
  access_log: ['at', 'who', 'chapter', 'action', 'collection', 'records', 'note'],
  erasures: ['at', 'by', 'how', 'records', 'email_hash', 'phone_hash', 'note'],
  photos: ['id', 'created', 'type', 'bytes', 'shared'],
};
/** A post's columns in the public sheet; what its author consented to, and in which language, goes to post_consents. */
const POST_COLUMNS = ['id', 'created', 'author', 'text', 'image', 'alt', 'video', 'link', 'hashtags', 'chapter', 'status', 'pinned', 'source'];
/** Columns of a public posts tab that are not for the public: movePersonalData() takes them out. */
const POST_PRIVATE_COLUMNS = ['consent', 'locale', 'contact'];

const WRITE_COLLECTIONS = ['signups', 'posts', 'responses'];
/** What a chapter's lead may change of their chapter's row, as with PATCH /chapters/{id} on the reference server. */
const CHAPTER_EDITABLE = ['name', 'slogan', 'description', 'website', 'email', 'links', 'leaders', 'color', 'accent', 'logo'];
/** The private tab keeping the leaders' emails and phones that an edit brings: the public chapters tab never holds them. */
const LEADER_CONTACTS_TAB = 'leader_contacts';
/** The contrast a filled area (the header band, a button) needs against what surrounds it (WCAG 1.4.11), as core/theme.ts. */
const FILL_CONTRAST = 3;
const STAFF_COLLECTIONS = ['signups', 'responses', 'moderation', 'access_log', 'proposals', 'rsvps'];
const MODERATIONS = ['approve', 'hide', 'pin', 'unpin', 'block-author'];

/** Must match the browser's client ids: they are the key that makes a retry harmless. */
const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** A private link's secret and a token: 32 bytes in web-safe base64, without padding. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Nobody fills in a form in under 1.5 s; scripts do. */
const MIN_ELAPSED_MS = 1500;
/** The reference server's limit too; it also keeps every cell under the Sheets limit of 50,000 characters. */
const MAX_BODY_CHARS = 32 * 1024;
const LOCK_WAIT_MS = 10000;
const ISO_PATTERN = "yyyy-MM-dd'T'HH:mm:ssXXX";
const DAY_MS = 24 * 60 * 60 * 1000;
/** A token lives 90 days unless said otherwise, and never more than 400, so that a forgotten one dies. */
const TOKEN_DAYS = 90;
const TOKEN_MAX_DAYS = 400;
/** Who the access log names when someone works from the spreadsheet's menu or the editor. */
const EDITOR = { name: 'Apps Script editor', chapter: '' };

/**
 * Other names a column may have, already normalised (see normalise_): the few
 * columns the script filters on or writes to. Public reads map every header
 * with PUBLIC_ALIASES instead.
 */
const ALIASES = {
  id: ['identifiant', 'identificador'],
  created: ['cree', 'creele', 'createdat', 'datedecreation', 'horodateur', 'timestamp', 'marcatemporal', 'fechadecreacion', 'creado'],
  updated: ['modifie', 'modifiele', 'misajour', 'updatedat', 'actualise', 'actualizado', 'modificado'],
  chapter: ['chapitre', 'groupe', 'groupelocal', 'grupo', 'grupolocal', 'capitulo'],
  status: ['statut', 'estado'],
  author: ['auteur', 'auteure', 'autrice', 'autor', 'autora'],
  pinned: ['epingle', 'epinglee', 'fijado', 'destacado'],
  name: ['nom', 'nombre'],
  email: ['courriel', 'mail', 'correo', 'correoelectronico'],
  phone: ['telephone', 'tel', 'telefono', 'portable', 'movil'],
  postcode: ['codepostal', 'cp', 'codigopostal', 'zip', 'zipcode', 'postalcode'],
  text: ['texte', 'texto', 'temoignage', 'testimonio'],
  link: ['lien', 'enlace'],
  image: ['photo', 'foto', 'imagen'],
  region: ['province', 'provincia'],
  consent: ['consentement', 'consentimiento'],
  locale: ['langue', 'idioma', 'language', 'lang'],
  contact: ['contacto'],
  survey: ['sondage', 'enquete', 'questionnaire', 'encuesta', 'cuestionario', 'surveyid'],
  title: ['titre', 'titulo'],
  intro: ['introduction', 'introduccion'],
  public_results: ['resultatspublics', 'resultadospublicos'],
  question: ['questionid', 'pregunta'],
  type: ['tipo'],
  label: ['libelle', 'intitule', 'enonce', 'texte', 'text', 'etiqueta'],
  options: ['choix', 'choices', 'opciones', 'reponses', 'respuestas'],
  required: ['obligatoire', 'requis', 'obligatorio'],
  readiness: ['engagement', 'compromiso'],
  lang: ['langue', 'language', 'idioma'],
};

/** A column of a record's text in another language: "title:es", "Libellé : pt-BR". */
const TRANSLATION_COLUMN = /^(.+?)\s*:\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$/;
/** The fields each collection may give in other languages (core's translation schemas); a survey's question gives its label and options. */
const TRANSLATABLE = { actions: ['title', 'description'], chapters: ['slogan', 'description'], posts: ['text'], surveys: ['title', 'intro', 'thanks', 'label', 'help', 'options'] };

/**
 * What people write in a post's status column, by meaning, wherever the script reads a status (the
 * wall, the moderation queue and its filter), in Archipel's nine languages: the lists of core's
 * STATUS_WORDS (packages/core/src/schemas/cells.ts; a test checks they agree), as statusKey_() leaves
 * words. An empty status is a post nobody has looked at yet.
 */
const STATUS_WORDS = {
  approved: ['approved', 'approve', 'published', 'yes', 'y', 'ok', 'x', '1', 'true', 'approuve', 'approuvee', 'publie', 'publiee', 'oui', 'vrai', 'aprobado', 'aprobada', 'publicado', 'publicada', 'si', 'aprovado', 'aprovada', 'sim', 'genehmigt', 'freigegeben', 'veroffentlicht', 'ja', 'approvato', 'approvata', 'pubblicato', 'pubblicata', 'goedgekeurd', 'gepubliceerd', 'موافق', 'مقبول', 'منشور', 'نعم', 'imeidhinishwa', 'imechapishwa', 'ndiyo', 'ndio'],
  hidden: ['hidden', 'hide', 'rejected', 'no', 'n', '0', 'false', 'masque', 'masquee', 'cache', 'cachee', 'rejete', 'rejetee', 'non', 'faux', 'oculto', 'oculta', 'rechazado', 'rechazada', 'rejeitado', 'rejeitada', 'nao', 'versteckt', 'abgelehnt', 'nein', 'nascosto', 'nascosta', 'rifiutato', 'rifiutata', 'verborgen', 'afgewezen', 'nee', 'مخفي', 'مرفوض', 'لا', 'imefichwa', 'imekataliwa', 'hapana'],
  pending: ['pending', 'enattente', 'attente', 'arevoir', 'arelire', 'pendiente', 'pendente', 'ausstehend', 'inattesa', 'inafwachting', 'معلق', 'قيدالمراجعة', 'inasubiri'].concat(['']),
};

/** The Archipel menu of the spreadsheet, in order; null is a separator. */
const MENU = ['setUp', 'movePersonalData', null, 'createToken', 'revokeToken', 'listTokens', null, 'findPerson', 'exportPerson', 'erasePerson', null, 'eraseOlderThan', 'eraseOlderThanEveryDay'];

// ---------------------------------------------------------------- entry points

function doGet(e) {
  return respond_(() => read_((e && e.parameter) || {}));
}

function doPost(e) {
  return respond_(() => post_(e));
}

/** Adds the Archipel menu to the spreadsheet, so that day-to-day work needs no editor. */
function onOpen() {
  const ui = ui_();
  if (!ui) return;
  const menu = ui.createMenu('Archipel');
  MENU.forEach((item) => {
    if (item) menu.addItem(say_('menu_' + item), item);
    else menu.addSeparator();
  });
  menu.addToUi();
}

/** Turns whatever happened into the JSON envelope; an unexpected error still answers JSON the widgets understand. */
function respond_(handler) {
  let body;
  try {
    body = handler();
  } catch (err) {
    console.error(err && err.stack ? err.stack : String(err));
    body = fail_(500, 'The Apps Script stopped with an error (' + (err && err.message ? err.message : String(err)) + '). In the Apps Script editor, open Executions to see the details.');
  }
  return ContentService.createTextOutput(JSON.stringify(body)).setMimeType(ContentService.MimeType.JSON);
}

function fail_(status, error) {
  return { ok: false, status: status, error: error };
}

// ----------------------------------------------------------------- public reads

function read_(params) {
  if (params.photo !== undefined && params.collection === undefined) return photoRead_(params);
  if (params.token !== undefined) {
    return fail_(400, 'A token never travels in a web address, where browser histories and server logs keep it, so nothing was read. Update the Archipel widgets: they send the token in the body of a POST. Whoever used this token should ask for a new one.');
  }
  const collection = text_(params.collection).toLowerCase();
  if (!collection) {
    return fail_(400, 'This Archipel web app is running. Ask it for a collection, e.g. ?collection=actions (or chapters, posts, surveys).');
  }
  if (STAFF_COLLECTIONS.indexOf(collection) >= 0) {
    return fail_(401, collection + ' is for staff: ask for it with a POST carrying a personal token, as the Archipel widgets do.');
  }
  if (!hasOwn_(PUBLIC_FIELDS, collection)) {
    return fail_(404, 'No collection named "' + collection + '". This web app serves actions, chapters, posts and surveys to anyone, and more to staff with a token.');
  }

  let since = null;
  if (text_(params.since)) {
    since = Date.parse(text_(params.since));
    if (isNaN(since)) return fail_(400, 'since should be an ISO 8601 instant, like 2026-12-12T13:00:00Z.');
  }

  const sheet = findSheet_(collection);
  if (!sheet) return fail_(404, noTab_(collection));
  const tz = Session.getScriptTimeZone();
  const table = readTable_(sheet);
  let rows = table.rows;
  if (since !== null) rows = changedSince_(table.headers, rows, since);

  // Surveys belong to the whole campaign, so a chapter page still shows them.
  if (collection === 'surveys') return surveysFrom_(table.headers, rows, tz);

  let items = publicItems_(collection, table.headers, rows, tz);
  if (collection === 'actions') items = withGoing_(items);
  const chapter = text_(params.chapter).toLowerCase();
  // A chapter is its own row in the chapters tab; elsewhere rows name theirs.
  if (chapter) items = items.filter((item) => text_(collection === 'chapters' ? item.id : item.chapter).toLowerCase() === chapter);
  if (collection === 'posts') {
    // Blocked people stay blocked even where a row was approved by hand.
    const blocked = blockedAuthors_(privateBookIfAny_());
    items = items.filter((item) => canonicalStatus_(item.status) === 'approved' && !blocked[postKey_(item.author, item.account)]);
    items.forEach((item) => {
      item.status = 'approved';
    });
  }
  return { ok: true, items: items };
}

/**
 * The header row and the non-empty rows below it. An unticked checkbox counts
 * as empty, so a checkbox column filled down the whole tab adds no rows.
 */
function readTable_(sheet) {
  const values = sheet.getDataRange().getValues();
  const headers = (values[0] || []).map((h) => String(h));
  const rows = values.slice(1).filter((row) => row.some((cell) => !isBlank_(cell) && cell !== false));
  return { headers: headers, rows: rows };
}

/**
 * Rows as anyone may read them: keyed by field name, only the collection's
 * public fields, the first non-empty column of a field winning, as the widgets
 * read a sheet. Rows without any public field are left out.
 */
function publicItems_(collection, headers, rows, tz) {
  const lookup = publicLookup_(collection);
  const fields = headers.map((header) => lookup[normalise_(header)] || null);
  const translatable = TRANSLATABLE[collection] || [];
  // "title:es" (or "Titre : es"): the title in Spanish, served in the record's translations.
  const translated = headers.map((header) => {
    const m = TRANSLATION_COLUMN.exec(header.trim());
    const field = m && lookup[normalise_(m[1])];
    return field && translatable.indexOf(field) >= 0 ? { field: field, lang: m[2].replace('_', '-') } : null;
  });
  const items = [];
  rows.forEach((row) => {
    const item = {};
    fields.forEach((field, i) => {
      if (!field || hasOwn_(item, field) || isBlank_(row[i])) return;
      const value = field === 'leaders' ? publicLeaders_(row[i]) : cellOut_(row[i], tz);
      if (value !== undefined) item[field] = value;
    });
    translated.forEach((t, i) => {
      if (!t || isBlank_(row[i])) return;
      const translations = item.translations || (item.translations = {});
      const into = translations[t.lang] || (translations[t.lang] = {});
      if (into[t.field] === undefined) into[t.field] = trimmed_(cellOut_(row[i], tz));
    });
    if (Object.keys(item).length) items.push(item);
  });
  return items;
}

/** Normalised header → public field, built as core's headerMap() builds it: a field's own name first, then the first field to claim an alias. */
function publicLookup_(collection) {
  const lookup = Object.create(null);
  PUBLIC_FIELDS[collection].forEach((field) => {
    lookup[normalise_(field)] = field;
    String(PUBLIC_ALIASES[field] || '').split('|').forEach((alias) => {
      if (alias && !(alias in lookup)) lookup[alias] = field;
    });
  });
  return lookup;
}

/** A chapter's leaders without their emails or phones. A cell that is not a JSON list may hold anything, so it is not served. */
function publicLeaders_(value) {
  let leaders;
  try {
    leaders = JSON.parse(String(value));
  } catch (err) {
    return undefined;
  }
  if (!Array.isArray(leaders)) return undefined;
  return leaders.filter(isObject_).map((leader) => {
    const out = {};
    PUBLIC_LEADER_FIELDS.forEach((field) => {
      if (!isBlank_(leader[field])) out[field] = leader[field];
    });
    return out;
  });
}

/** A row as the sheet holds it, keyed by its headers as written; empty cells are left out. */
function rowObject_(headers, row, tz, skip) {
  const item = {};
  headers.forEach((header, i) => {
    if (!header.trim() || header === '__proto__' || (skip && skip.indexOf(i) >= 0) || isBlank_(row[i]) || hasOwn_(item, header)) return;
    item[header] = cellOut_(row[i], tz);
  });
  return item;
}

function cellOut_(value, tz) {
  if (isDate_(value)) return isNaN(value.getTime()) ? '' : Utilities.formatDate(value, tz, ISO_PATTERN);
  return value;
}

/** Keeps the rows created or updated after `since`. Rows without a readable date are kept: sending one too many costs nothing, the widgets merge by id. */
function changedSince_(headers, rows, since) {
  const cols = [columnOf_(headers, 'created'), columnOf_(headers, 'updated')].filter((c) => c >= 0);
  if (!cols.length) return rows;
  return rows.filter((row) => {
    const times = cols.map((c) => timeOf_(row[c])).filter((t) => !isNaN(t));
    return !times.length || times.some((t) => t > since);
  });
}

function timeOf_(value) {
  if (isDate_(value)) return value.getTime();
  return isBlank_(value) ? NaN : Date.parse(String(value).trim());
}

/**
 * The surveys tab holds one row per question; the widgets want one object per survey, of public fields only.
 * Columns such as "title:es", "label:es" and "options:es" give the survey and its questions in another language.
 */
function surveysFrom_(headers, rows, tz) {
  const col = {};
  ['survey', 'question'].concat(PUBLIC_FIELDS.surveys, PUBLIC_QUESTION_FIELDS).forEach((field) => {
    col[field] = columnOf_(headers, field);
  });
  const translated = [];
  headers.forEach((header, i) => {
    const m = TRANSLATION_COLUMN.exec(header.trim());
    const field = m && TRANSLATABLE.surveys.filter((f) => columnOf_([m[1]], f) === 0)[0];
    if (field) translated.push({ i: i, field: field, lang: m[2].replace('_', '-') });
  });
  if (col.survey < 0) {
    return fail_(422, 'The surveys tab needs a column named survey: the id of the survey each question belongs to. Use the headers of the template.');
  }
  const cell = (row, field) => (col[field] < 0 || isBlank_(row[col[field]]) ? undefined : trimmed_(cellOut_(row[col[field]], tz)));
  const byId = Object.create(null); // a survey may be called anything, "constructor" included
  const order = [];
  rows.forEach((row) => {
    const id = text_(row[col.survey]);
    if (!id) return;
    let survey = byId[id];
    if (!survey) {
      survey = byId[id] = { id: id, questions: [] };
      order.push(id);
    }
    PUBLIC_FIELDS.surveys.forEach((field) => {
      if (field !== 'id' && field !== 'questions' && field !== 'translations' && survey[field] === undefined) survey[field] = cell(row, field);
    });
    const questionId = text_(cell(row, 'question'));
    translated.forEach((t) => {
      const value = row[t.i];
      if (isBlank_(value)) return;
      const translations = survey.translations || (survey.translations = {});
      const into = translations[t.lang] || (translations[t.lang] = {});
      if (t.field === 'title' || t.field === 'intro' || t.field === 'thanks') {
        if (into[t.field] === undefined) into[t.field] = trimmed_(value);
      } else if (questionId) {
        const questions = into.questions || (into.questions = {});
        const question = questions[questionId] || (questions[questionId] = {});
        question[t.field] = t.field === 'options' ? splitOptions_(value) : trimmed_(value);
      }
    });
    if (!questionId) return; // a row that only gives the survey's title or intro
    const question = {};
    PUBLIC_QUESTION_FIELDS.forEach((field) => {
      if (field === 'id') question.id = questionId;
      else if (field === 'options') {
        const options = cell(row, 'options');
        question.options = options === undefined ? undefined : splitOptions_(options);
      } else if (field === 'show_if') question.show_if = showIf_(cell(row, 'show_if'));
      else if ((field === 'from' || field === 'until') && typeof cell(row, field) === 'string') question[field] = cell(row, field).slice(0, 10);
      else question[field] = cell(row, field);
    });
    survey.questions.push(dropEmpty_(question));
  });
  return { ok: true, items: order.map((id) => dropEmpty_(byId[id])) };
}

// ------------------------------------------------------------- survey rules

/**
 * A survey's own rules, a copy of packages/core/src/survey-rules.ts (tests/apps-script checks they agree):
 * which questions are asked given the answers, when answers are taken, and the answers as one cell per question.
 */
const RESPONSE_FIELDS = ['id', 'created', 'survey', 'chapter', 'region', 'postcode', 'locale', 'name', 'email', 'phone', 'consent', 'contact', 'answers', 'secret_hash'];
const SHOW_IF = /^\s*([\p{L}\p{N}_.:-]+)\s*(=|includes|contains|contient|incluye|inclui|enthält|include|bevat|ina)\s*(.*?)\s*$/iu;

/** A show_if cell: "accueillir = oui", "aide includes Cuisiner", or the JSON of core's ShowIfSchema. */
function showIf_(value) {
  if (value === undefined || value === null || value === '') return undefined;
  if (isObject_(value)) return value;
  const json = jsonCell_(value);
  if (json) return json;
  const m = SHOW_IF.exec(String(value));
  if (!m) return { question: text_(value) };
  const v = m[3];
  if (m[2] !== '=') return { question: m[1], includes: v };
  return { question: m[1], equals: /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : isYes_(v) ? true : isNo_(v) ? false : v };
}

const YES = ['yes', 'y', 'true', 'oui', 'vrai', 'si', 'sim', 'ja', 'sì', 'نعم', 'ndiyo', 'ndio', '1'];
const NO = ['no', 'n', 'false', 'non', 'faux', 'nao', 'não', 'nein', 'nee', 'لا', 'hapana', '0'];
function isYes_(v) {
  return v === true || v === 1 || YES.indexOf(String(v).trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')) >= 0;
}
function isNo_(v) {
  return v === false || v === 0 || NO.indexOf(String(v).trim().toLowerCase()) >= 0;
}

function showIfMet_(answer, rule) {
  if (answer === undefined || answer === null) return false;
  if (rule.includes !== undefined) return Array.isArray(answer) ? answer.indexOf(rule.includes) >= 0 : answer === rule.includes;
  if (rule.equals === undefined) return answer !== '' && !(Array.isArray(answer) && !answer.length);
  if (Array.isArray(answer)) return answer.indexOf(String(rule.equals)) >= 0;
  if (typeof answer === 'boolean' || typeof rule.equals === 'boolean') return isYes_(answer) === isYes_(rule.equals);
  return String(answer) === String(rule.equals);
}

/** The ids of the questions asked given `answers`; a question whose show_if is unmet is hidden, and so are those that depend on it. */
function askedQuestionIds_(survey, answers) {
  const byId = {};
  survey.questions.forEach((q) => {
    byId[q.id] = q;
  });
  const asked = (q, depth) => {
    if (!q.show_if) return true;
    const on = byId[q.show_if.question];
    return !!on && depth < survey.questions.length && asked(on, depth + 1) && showIfMet_(answers[on.id], q.show_if);
  };
  return survey.questions.filter((q) => asked(q, 0)).map((q) => q.id);
}

/** The answers to keep: those of the questions asked, and any the survey does not name (nothing is lost). */
function keptAnswers_(survey, answers) {
  const asked = askedQuestionIds_(survey, answers);
  const known = survey.questions.map((q) => q.id);
  const out = {};
  Object.keys(answers).forEach((id) => {
    if (asked.indexOf(id) >= 0 || known.indexOf(id) < 0) out[id] = answers[id];
  });
  return out;
}

/** Why the survey takes no answers now, or null. */
function surveyClosed_(survey, now) {
  const opens = timeOf_(survey.opens);
  const closes = timeOf_(survey.closes);
  if (!isNaN(opens) && now < opens) return 'The survey "' + survey.id + '" takes answers from ' + survey.opens + '.';
  if (!isNaN(closes) && now >= closes) return 'The survey "' + survey.id + '" closed on ' + survey.closes + '; it takes no more answers.';
  return null;
}

function answerHeader_(id) {
  return RESPONSE_FIELDS.indexOf(id) >= 0 ? 'answer:' + id : id;
}

/** The answers as cells by header, every question in the survey's order (blank when not answered), then any it does not name: a list joined with " | ", yes/no as yes or no. */
function answerCells_(survey, answers) {
  const out = {};
  const ids = survey.questions.map((q) => q.id).concat(Object.keys(answers).filter((id) => !survey.questions.some((q) => q.id === id)));
  ids.forEach((id) => {
    const v = answers[id];
    out[answerHeader_(id)] = v === undefined || v === null ? '' : Array.isArray(v) ? v.map(String).join(' | ') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
  });
  return out;
}

/** The 0-based column headed exactly `header` (question ids are not aliases), added at the end when missing. */
function answerColumnOf_(sheet, header) {
  const width = sheet.getLastColumn();
  const headers = width ? sheet.getRange(1, 1, 1, width).getValues()[0].map((h) => String(h)) : [];
  const at = headers.indexOf(header);
  if (at >= 0) return at;
  sheet.getRange(1, headers.length + 1).setValue(header);
  return headers.length;
}

function surveysById_() {
  const sheet = findSheet_('surveys');
  const byId = Object.create(null);
  if (!sheet) return byId;
  const table = readTable_(sheet);
  const read = surveysFrom_(table.headers, table.rows, Session.getScriptTimeZone());
  (read.items || []).forEach((s) => {
    byId[s.id] = s;
  });
  return byId;
}

function surveyById_(id) {
  return surveysById_()[id] || null;
}

/** A response row read back: its answer columns gathered into `answers`, lists split again, numbers as numbers. */
function withAnswers_(surveys) {
  return (item) => {
    const survey = surveys[text_(item.survey)];
    const types = {};
    if (survey) {
      survey.questions.forEach((q) => {
        types[q.id] = q.type;
      });
    }
    const answers = isObject_(jsonCell_(item.answers)) ? jsonCell_(item.answers) : {};
    const out = {};
    Object.keys(item).forEach((header) => {
      if (PRIVATE_TABS.responses.indexOf(header) >= 0 || header === 'answers') {
        out[header] = item[header];
        return;
      }
      const id = header.indexOf('answer:') === 0 ? header.slice(7) : header;
      let v = item[header];
      const type = types[id];
      if (type === 'multi') v = splitOptions_(v);
      else if ((type === 'number' || type === 'scale') && String(v).trim() !== '' && !isNaN(Number(v))) v = Number(v);
      else if (type === 'yesno') v = isYes_(v);
      answers[id] = v;
    });
    out.answers = answers;
    return out;
  };
}

// ------------------------------------------------------------------------ posts

const ACTIONS = {
  read: staffRead_,
  moderate: moderate_,
  'find-person': findPersonRequest_,
  'erase-person': erasePersonRequest_,
  'upload-photo': uploadPhoto_,
  mine: mine_,
  'forget-me': forgetMe_,
  'edit-chapter': editChapter_,
  'approve-action': approveAction_,
  'refuse-action': refuseAction_,
};

function post_(e) {
  const body = e && e.postData && typeof e.postData.contents === 'string' ? e.postData.contents : '';
  // A photo travels as base64 text, a third larger than its bytes; every other body is small.
  const photo = body.length > MAX_BODY_CHARS && /^\s*\{\s*"action"\s*:\s*"upload-photo"/.test(body);
  if (body.length > (photo ? Math.ceil(PHOTO_MAX_BYTES / 3) * 4 + MAX_BODY_CHARS : MAX_BODY_CHARS)) {
    return fail_(413, photo ? 'The photo is too large (over 3 MB); send a smaller one.' : 'The record is too large (over 32 KB); shorten the text.');
  }
  let request;
  try {
    request = JSON.parse(body);
  } catch (err) {
    request = undefined;
  }
  if (!isObject_(request)) {
    return fail_(400, 'The body should be JSON, like {"collection": "signups", "record": {...}, "meta": {...}}.');
  }
  if (request.action === undefined) return write_(request);
  const action = text_(request.action);
  if (!hasOwn_(ACTIONS, action)) {
    return fail_(400, 'Unknown action "' + action + '"; the actions are ' + Object.keys(ACTIONS).join(', ') + '.');
  }
  return ACTIONS[action](request);
}

// ----------------------------------------------------------------------- writes

function write_(request) {
  const collection = text_(request.collection);
  if (collection === 'proposals' || collection === 'rsvps') return writeHosting_(request);
  if (WRITE_COLLECTIONS.indexOf(collection) < 0) {
    return fail_(404, 'Cannot store into "' + collection + '": this web app stores signups, posts and responses.');
  }
  let record = request.record;
  if (!isObject_(record)) return fail_(422, 'record is missing: send the record to store as {"record": {...}}.');
  const problem = checkId_(record.id) || checkMeta_(request.meta) || checkRecord_(collection, record);
  if (problem) return fail_(422, problem);
  // A survey of the surveys tab takes answers between its dates, and keeps only the answers to the questions it asked.
  const survey = collection === 'responses' ? surveyById_(text_(record.survey)) : null;
  if (survey) {
    const closed = surveyClosed_(survey, Date.now());
    if (closed) return fail_(403, closed);
    record = Object.assign({}, record, { answers: keptAnswers_(survey, record.answers) });
  }

  // A repeat must answer exactly what the first attempt answered, so the
  // answer depends on nothing but the collection, the id and the record.
  const answer = { ok: true, id: record.id, status: collection === 'posts' ? 'pending' : 'stored' };
  return withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store.problem;
    return collection === 'posts' ? writePost_(store.book, record, answer) : writePersonal_(store.book, collection, record, answer, survey);
  });
}

/**
 * A sign-up or a survey response, into the private spreadsheet, with the
 * fingerprint of the secret its receipt carries. The secret is derived from the
 * record itself, so that a retry of the very same record (the first answer lost
 * on the way) gets the very same private link; another record under the same id
 * gets none.
 */
function writePersonal_(book, collection, record, answer, survey) {
  let fields = PRIVATE_TABS[collection];
  const sheet = tabForWriting_(book, collection, fields);
  const columns = columnsFor_(sheet, fields);
  let values = record;
  if (collection === 'responses') {
    // One column per question, headed by its stable id; a survey the surveys tab does not have keeps its answers as one JSON cell.
    const answers = survey ? answerCells_(survey, record.answers) : { answers: record.answers };
    Object.keys(answers).forEach((header) => {
      columns[header] = answerColumnOf_(sheet, header);
    });
    fields = fields.concat(Object.keys(answers));
    values = Object.assign({}, record, answers);
  }
  const secret = secretFor_(collection, record);
  const receipt = Object.assign({}, answer, { secret: secret });
  const existing = rowNumberOfId_(sheet, columns.id, record.id);
  if (existing > 0) {
    const stored = text_(sheet.getRange(existing, columns.secret_hash + 1).getValue());
    // Stored before private links existed: the receipt is what it was then.
    if (!stored) return answer;
    if (stored === fingerprint_(secret)) return receipt;
    return fail_(409, 'The id "' + record.id + '" was already used for another record, so this one was not stored. Send it again with a new id.');
  }
  appendRecord_(sheet, columns, fields, Object.assign({}, values, { created: createdOf_(record), secret_hash: fingerprint_(secret) }));
  SpreadsheetApp.flush();
  return receipt;
}

/** A post: its public part into the public posts tab, what its author consented to into the private spreadsheet first. */
function writePost_(book, record, answer) {
  const sheet = publicTabForWriting_('posts', POST_COLUMNS);
  const columns = columnsFor_(sheet, POST_COLUMNS);
  if (rowNumberOfId_(sheet, columns.id, record.id) > 0) return answer;
  const created = createdOf_(record);
  const consents = tabForWriting_(book, 'post_consents', PRIVATE_TABS.post_consents);
  const consentColumns = columnsFor_(consents, PRIVATE_TABS.post_consents);
  if (rowNumberOfId_(consents, consentColumns.id, record.id) < 0) {
    appendRecord_(consents, consentColumns, PRIVATE_TABS.post_consents, { id: record.id, created: created, consent: record.consent, locale: record.locale, contact: record.contact });
  }
  // Blocked people are told the same as anyone, so they have no reason to try another name.
  const status = blockedAuthors_(book)[authorKey_(record.author)] ? 'hidden' : 'pending';
  appendRecord_(sheet, columns, POST_COLUMNS, Object.assign({}, record, { created: created, status: status, pinned: '', source: 'archipel' }));
  SpreadsheetApp.flush();
  return answer;
}

function createdOf_(record) {
  return typeof record.created === 'string' && record.created.trim() ? record.created : new Date().toISOString();
}

/**
 * One row at the bottom of the tab, each field in its column. Plain-text format keeps "01000" a postcode and
 * "0612345678" a phone number, and runs nothing as a formula: the `verbatim` fields (an account such as
 * "@maya@pixelfed.social") go in as they are.
 */
function appendRecord_(sheet, columns, fields, values, verbatim) {
  const row = [];
  for (let i = 0; i < sheet.getLastColumn(); i++) row.push('');
  fields.forEach((field) => {
    row[columns[field]] = verbatim && verbatim.indexOf(field) >= 0 ? text_(values[field]) : cellIn_(values[field]);
  });
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length).setNumberFormat('@').setValues([row]);
}

function checkId_(id) {
  return typeof id === 'string' && ID_PATTERN.test(id) ? null : 'id is missing or malformed: it should be 8 to 64 letters, digits, "-" or "_".';
}

/** The honeypot and the time taken: the spam protection of a form that has no captcha. */
function checkMeta_(meta) {
  if (!isObject_(meta)) return 'meta is missing: the form sends {"hp": "", "elapsed": …} with each record; update the widgets.';
  if (!isBlank_(meta.hp)) return 'meta.hp: the hidden field was filled in, which looks automated, so nothing was stored.';
  if (typeof meta.elapsed !== 'number') return 'meta.elapsed is missing: the form sends how long the person took, in milliseconds; update the widgets.';
  if (meta.elapsed < MIN_ELAPSED_MS) {
    return 'meta.elapsed: the form was sent faster than a person can fill it in, so nothing was stored.';
  }
  return null;
}

function checkRecord_(collection, record) {
  if (collection === 'signups') {
    if (!Array.isArray(record.consent) || !record.consent.some(isConsent_)) {
      return 'consent is missing: the person must tick the consent box (a list of {purpose, version, at}).';
    }
    if (!text_(record.email) && !text_(record.phone)) return 'email or phone is needed: the sign-up has neither.';
  }
  if (collection === 'posts') {
    if (!text_(record.author)) return 'author is missing: a post needs the name of the person who wrote it.';
    const consent = Array.isArray(record.consent) ? record.consent.some(isConsent_) : isConsent_(record.consent);
    if (!consent) return 'consent is missing: the person must agree to the post being shown ({purpose, version, at}).';
  }
  if (collection === 'responses') {
    if (!text_(record.survey)) return 'survey is missing: say which survey these answers belong to.';
    if (!isObject_(record.answers)) return 'answers is missing: send the answers as an object keyed by question id.';
    // Contact details are kept only with the permission to keep them.
    if (record.contact !== undefined && record.contact !== null && (!isObject_(record.contact) || !isConsent_(record.contact.consent))) {
      return 'contact.consent is missing: contact details are stored only with the consent to be contacted.';
    }
  }
  return null;
}

function isConsent_(consent) {
  return isObject_(consent) && !!text_(consent.purpose) && !!text_(consent.version) && !!text_(consent.at);
}

/**
 * A value as it goes into a cell: lists joined with ", ", objects as JSON
 * text, and every string that a spreadsheet would run as a formula (= + - @,
 * tab, carriage return) behind an apostrophe.
 */
function cellIn_(value) {
  if (value === undefined || value === null) return '';
  // Only a cell's first character makes a formula: a list is guarded as one cell, and JSON text
  // (which starts with { or [) needs nothing, so answers such as "-18 ans" come back as written.
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return neutralise_(value.map((v) => (v === null ? '' : String(v))).join(', '));
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return neutralise_(value);
}

function neutralise_(value) {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? "'" + value : value;
}

// ------------------------------------------------------------------ staff reads

function staffRead_(request) {
  const collection = text_(request.collection).toLowerCase();
  if (STAFF_COLLECTIONS.indexOf(collection) < 0) {
    return fail_(404, 'No staff collection named "' + collection + '". Staff read ' + STAFF_COLLECTIONS.join(', ') + '; anyone reads the others with a GET.');
  }
  let since = null;
  if (text_(request.since)) {
    since = Date.parse(text_(request.since));
    if (isNaN(since)) return fail_(400, 'since should be an ISO 8601 instant, like 2026-12-12T13:00:00Z.');
  }
  return withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store.problem;
    const who = access_(store.book, request.token);
    if (who.problem) return who.problem;
    const asked = text_(request.chapter).toLowerCase();
    if (who.chapter && collection === 'access_log') {
      logAccess_(store.book, who, 'refused', collection, 0, 'for campaign staff only');
      return fail_(403, 'The access log is for campaign staff; the token of ' + who.name + ' is for the chapter ' + who.chapter + '.');
    }
    if (who.chapter && asked && asked !== who.chapter) {
      logAccess_(store.book, who, 'refused', collection, 0, 'asked for chapter ' + asked);
      return fail_(403, 'The token of ' + who.name + ' is for the chapter ' + who.chapter + ' only.');
    }
    const chapter = who.chapter || asked;
    const items = collection === 'moderation' ? moderationQueue_(request.status, chapter, since) : privateRows_(store.book, collection, chapter, since);
    logAccess_(store.book, who, request.export === true ? 'export' : 'read', collection, items.length, chapter ? 'chapter ' + chapter : '');
    SpreadsheetApp.flush();
    return { ok: true, items: items };
  });
}

/** A private tab's rows, keyed by their headers, without the fingerprints of secrets. */
function privateRows_(book, tab, chapter, since) {
  const sheet = findTab_(book, tab);
  if (!sheet) return [];
  const table = readTable_(sheet);
  let rows = table.rows;
  if (chapter) {
    const col = columnOf_(table.headers, 'chapter');
    rows = col < 0 ? [] : rows.filter((row) => text_(row[col]).toLowerCase() === chapter);
  }
  if (since !== null) rows = changedSince_(table.headers, rows, since);
  const tz = Session.getScriptTimeZone();
  const skip = [columnOf_(table.headers, 'secret_hash'), columnOf_(table.headers, 'body_hash')];
  const items = rows.map((row) => rowObject_(table.headers, row, tz, skip));
  return tab === 'responses' ? items.map(withAnswers_(surveysById_())) : items;
}

/** Posts of the given statuses (pending by default), in any language, with their status said in English. */
function moderationQueue_(status, chapter, since) {
  const sheet = findSheet_('posts');
  if (!sheet) return [];
  const table = readTable_(sheet);
  const rows = since === null ? table.rows : changedSince_(table.headers, table.rows, since);
  const wanted = text_(status || 'pending').split(',').map(canonicalStatus_);
  return publicItems_('posts', table.headers, rows, Session.getScriptTimeZone())
    .filter((item) => wanted.indexOf(canonicalStatus_(item.status)) >= 0)
    .filter((item) => !chapter || text_(item.chapter).toLowerCase() === chapter)
    .map(withCanonicalStatus_);
}

function withCanonicalStatus_(item) {
  const status = canonicalStatus_(item.status);
  if (hasOwn_(STATUS_WORDS, status)) item.status = status;
  return item;
}

// ---------------------------------------------------------------- a chapter's hub

/**
 * A chapter's lead (or campaign staff) changes their chapter's row in the public chapters tab: name, slogan,
 * description, website, email, links, leaders, colours, logo. Each field goes into the column a widget reads it
 * from, whatever its header's language, or a new column. Leaders keep only their names, roles and pronouns in the
 * public sheet; their emails and phones go to the private spreadsheet. The colours follow the widgets' contrast
 * rules: the brand colour fills the header band and the buttons on a white page, the accent the join button on it.
 */
function editChapter_(request) {
  const id = text_(request.id).toLowerCase();
  if (!id) return fail_(422, 'id is missing: say which chapter to change, as {"id": "lyon"}.');
  const change = request.change;
  if (!isObject_(change) || !Object.keys(change).length) return fail_(422, 'change is missing: send the fields to change, as {"change": {"slogan": "…"}}.');
  const unknown = Object.keys(change).filter((field) => CHAPTER_EDITABLE.indexOf(field) < 0);
  if (unknown.length) return fail_(422, 'Only ' + CHAPTER_EDITABLE.join(', ') + ' can be changed here, not ' + unknown.join(', ') + '.');
  const problem = chapterChangeProblem_(change);
  if (problem) return fail_(422, problem);

  return withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store.problem;
    const who = access_(store.book, request.token);
    if (who.problem) return who.problem;
    if (who.chapter && who.chapter !== id) {
      logAccess_(store.book, who, 'refused', 'chapters', 0, 'edit chapter ' + id);
      return fail_(403, 'The token of ' + who.name + ' is for the chapter ' + who.chapter + ' only; it cannot change ' + id + '.');
    }
    const sheet = findSheet_('chapters');
    if (!sheet) return fail_(404, noTab_('chapters'));
    const headers = () => sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map((h) => String(h));
    const idColumn = chapterColumn_(sheet, 'id');
    const rowNumber = rowNumberOfId_(sheet, idColumn, id);
    if (rowNumber < 0) return fail_(404, 'No chapter with id "' + id + '" in the chapters tab.');
    const tz = Session.getScriptTimeZone();
    const before = publicItems_('chapters', headers(), [sheet.getRange(rowNumber, 1, 1, sheet.getLastColumn()).getValues()[0]], tz)[0] || {};
    const colours = coloursProblem_(hasOwn_(change, 'color') ? change.color : before.color, hasOwn_(change, 'accent') ? change.accent : before.accent);
    if (colours) return fail_(422, colours);
    Object.keys(change).forEach((field) => {
      let value = change[field];
      if (field === 'leaders' && Array.isArray(value)) {
        keepLeaderContacts_(store.book, id, value);
        value = value.map((leader) => {
          const out = {};
          PUBLIC_LEADER_FIELDS.forEach((f) => {
            if (!isBlank_(leader[f])) out[f] = leader[f];
          });
          return out;
        });
      }
      const empty = value === null || value === '' || (Array.isArray(value) && !value.length);
      sheet.getRange(rowNumber, chapterColumn_(sheet, field) + 1).setValue(empty ? '' : cellIn_(Array.isArray(value) ? JSON.stringify(value) : value));
    });
    logAccess_(store.book, who, 'edit', 'chapters', 1, 'chapter ' + id + ': ' + Object.keys(change).join(', '));
    SpreadsheetApp.flush();
    const after = publicItems_('chapters', headers(), [sheet.getRange(rowNumber, 1, 1, sheet.getLastColumn()).getValues()[0]], tz)[0];
    return { ok: true, chapter: after };
  });
}

/** The column a widget reads a chapter's field from (its first header meaning that field, in any language), or a new one. */
function chapterColumn_(sheet, field) {
  const lookup = publicLookup_('chapters');
  const width = sheet.getLastColumn();
  const headers = width ? sheet.getRange(1, 1, 1, width).getValues()[0].map((h) => String(h)) : [];
  for (let i = 0; i < headers.length; i++) if (lookup[normalise_(headers[i])] === field) return i;
  sheet.getRange(1, headers.length + 1).setValue(field);
  return headers.length;
}

/** What is wrong with the fields sent, in one sentence a lead can act on; '' when nothing. */
function chapterChangeProblem_(change) {
  const problems = [];
  const isText = (v, max) => v === null || (typeof v === 'string' && v.length <= max);
  ['name', 'slogan'].forEach((f) => {
    if (hasOwn_(change, f) && !isText(change[f], 200)) problems.push(f + ' should be a text of at most 200 characters');
  });
  if (hasOwn_(change, 'name') && !text_(change.name)) problems.push('name cannot be empty: a chapter needs a name');
  if (hasOwn_(change, 'description') && !isText(change.description, 4000)) problems.push('description should be a text of at most 4000 characters');
  ['website', 'logo'].forEach((f) => {
    if (hasOwn_(change, f) && change[f] !== null && change[f] !== '' && !/^https:\/\/[^\s"<>]+$/.test(String(change[f]))) problems.push(f + ' should be an address starting with https://');
  });
  if (hasOwn_(change, 'email') && change.email !== null && change.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(change.email))) problems.push('email should be an address such as lyon@example.org');
  ['color', 'accent'].forEach((f) => {
    if (hasOwn_(change, f) && change[f] !== null && change[f] !== '' && !rgb_(change[f])) problems.push(f + ' should be a colour written #rgb or #rrggbb, such as #1a7f5a');
  });
  if (hasOwn_(change, 'links') && change.links !== null) {
    const ok = Array.isArray(change.links) && change.links.every((l) => isObject_(l) && text_(l.label) && /^https:\/\/[^\s"<>]+$/.test(String(l.url)));
    if (!ok) problems.push('links should be a list such as [{"label": "Instagram", "url": "https://…"}], each address starting with https://');
  }
  if (hasOwn_(change, 'leaders') && change.leaders !== null) {
    const ok = Array.isArray(change.leaders) && change.leaders.every((l) => isObject_(l) && text_(l.name));
    if (!ok) problems.push('leaders should be a list such as [{"name": "Amina K.", "role": "coordinator", "email": "…"}], each with a name');
  }
  return problems.length ? problems.join('; ') + '.' : '';
}

/** The colours' problem: a brand colour that would vanish into a white page, an accent that would vanish on the brand colour. */
function coloursProblem_(color, accent) {
  const brand = rgb_(color);
  const white = [255, 255, 255];
  if (brand && contrast_(brand, white) < FILL_CONTRAST) {
    return 'color: ' + color + ' has a contrast of ' + floor2_(contrast_(brand, white)) + ':1 with a white page; the header band and the buttons it fills need ' + FILL_CONTRAST + ':1. Choose a darker colour.';
  }
  const band = brand || [26, 127, 90];
  const second = rgb_(accent);
  if (second && contrast_(second, band) < FILL_CONTRAST) {
    return 'accent: ' + accent + ' has a contrast of ' + floor2_(contrast_(second, band)) + ':1 with the brand colour; the join button it fills on the header band needs ' + FILL_CONTRAST + ':1. Choose a colour further from the brand colour.';
  }
  return '';
}

function rgb_(value) {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text_(value));
  if (!m) return null;
  const h = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

/** WCAG 2.2 contrast ratio of two colours. */
function contrast_(a, b) {
  const lum = (c) => {
    const lin = c.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  };
  const x = lum(a);
  const y = lum(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

function floor2_(n) {
  return Math.floor(n * 100) / 100;
}

/** The leaders' emails and phones an edit brought, in the private spreadsheet (one row a chapter, replaced by each edit). */
function keepLeaderContacts_(book, chapter, leaders) {
  const fields = ['chapter', 'updated', 'leaders'];
  const sheet = tabForWriting_(book, LEADER_CONTACTS_TAB, fields);
  const columns = columnsFor_(sheet, fields);
  const contacts = leaders
    .filter((l) => !isBlank_(l.email) || !isBlank_(l.phone))
    .map((l) => ({ name: text_(l.name), email: text_(l.email) || undefined, phone: text_(l.phone) || undefined }));
  const existing = rowNumberOfId_(sheet, columns.chapter, chapter);
  const values = { chapter: chapter, updated: new Date().toISOString(), leaders: contacts };
  if (existing > 0) {
    fields.forEach((f) => sheet.getRange(existing, columns[f] + 1).setValue(cellIn_(values[f])));
  } else appendRecord_(sheet, columns, fields, values);
}

// ------------------------------------------------------------------- moderation

function moderate_(request) {
  const id = text_(request.id);
  if (!id) return fail_(422, 'id is missing: say which post to moderate.');
  const action = text_(request.moderation);
  if (MODERATIONS.indexOf(action) < 0) return fail_(422, 'moderation should be one of ' + MODERATIONS.join(', ') + '.');

  return withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store.problem;
    const who = access_(store.book, request.token);
    if (who.problem) return who.problem;
    if (action === 'block-author' && who.chapter) {
      return fail_(403, 'Only campaign staff can block an author, since it hides their posts in every chapter. Hide this post instead.');
    }
    const sheet = findSheet_('posts');
    if (!sheet) return fail_(404, noTab_('posts'));
    const columns = columnsFor_(sheet, ['id', 'author', 'status', 'pinned']);
    const rowNumber = rowNumberOfId_(sheet, columns.id, id);
    if (rowNumber < 0) return fail_(404, 'No post with id "' + id + '" in the posts tab.');
    const post = () => {
      const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map((h) => String(h));
      const row = sheet.getRange(rowNumber, 1, 1, headers.length).getValues()[0];
      return publicItems_('posts', headers, [row], Session.getScriptTimeZone())[0] || { id: id };
    };
    if (who.chapter && text_(post().chapter).toLowerCase() !== who.chapter) {
      logAccess_(store.book, who, 'refused', 'posts', 0, action + ' ' + id + ', of another chapter');
      return fail_(403, 'This post is not of the chapter ' + who.chapter + ', the only one the token of ' + who.name + ' moderates.');
    }
    const cell = (row, field) => sheet.getRange(row, columns[field] + 1);

    if (action === 'approve') cell(rowNumber, 'status').setValue('approved');
    if (action === 'hide') cell(rowNumber, 'status').setValue('hidden');
    // A photo is seen by anyone with its address only while its post is approved.
    if (action === 'approve' || action === 'hide') sharePhoto_(store.book, post().image, action === 'approve');
    if (action === 'pin') cell(rowNumber, 'pinned').setValue(true);
    if (action === 'unpin') cell(rowNumber, 'pinned').setValue(false);
    if (action === 'block-author') {
      // A collected post's author is its account on its network, which no display name can take over.
      const keys = postKeys_(sheet, columns);
      const author = keys[rowNumber - 2];
      if (!author) return fail_(422, 'author: this post has no author to block.');
      blockAuthor_(store.book, author);
      const imageColumn = columnOf_(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map((h) => String(h)), 'image');
      keys.forEach((key, i) => {
        if (key !== author) return;
        cell(i + 2, 'status').setValue('hidden');
        if (imageColumn >= 0) sharePhoto_(store.book, sheet.getRange(i + 2, imageColumn + 1).getValue(), false);
      });
    }
    logAccess_(store.book, who, 'moderate', 'posts', 1, action + ' ' + id);
    SpreadsheetApp.flush();
    return { ok: true, post: withCanonicalStatus_(post()) };
  });
}

/** What blocking each post of the tab names, row 2 first: `acct:@user@host` for a collected post, else its author. */
function postKeys_(sheet, columns) {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const width = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0].map((h) => String(h));
  const account = columnOf_(headers, 'account');
  return sheet.getRange(2, 1, last - 1, width).getValues().map((row) => postKey_(row[columns.author], account >= 0 ? row[account] : ''));
}

function postKey_(author, account) {
  return text_(account) ? 'acct:' + accountKey_(account) : authorKey_(author);
}

/** Lower-cased and trimmed, so "Léa M. " and "léa m." are one person. */
function authorKey_(value) {
  return text_(value).toLowerCase();
}

/** Blocked authors, from the private spreadsheet, and from a public blocked tab that was not moved yet. */
function blockedAuthors_(book) {
  const blocked = Object.create(null);
  [book ? findTab_(book, 'blocked') : null, findSheet_('blocked')].forEach((sheet) => {
    if (!sheet || sheet.getLastRow() < 2) return;
    sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues().forEach((row) => {
      const key = authorKey_(row[0]);
      if (key) blocked[key] = true;
    });
  });
  return blocked;
}

function blockAuthor_(book, author) {
  if (blockedAuthors_(book)[author]) return;
  const sheet = tabForWriting_(book, 'blocked', PRIVATE_TABS.blocked);
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, 2).setNumberFormat('@').setValues([[neutralise_(author), new Date().toISOString()]]);
}

// ------------------------------------------------------- the fediverse and Bluesky

/**
 * Posts under the campaign's hashtags on Mastodon, Pixelfed and Bluesky, read into the posts tab as
 * pending, so that nothing a stranger writes reaches the wall before a moderator approves it; the
 * accounts the campaign trusts are published at once. The same as the reference server's collector
 * (packages/server/src/collect.ts): same requests, same ids, same rules. Settings are script
 * properties (Project Settings → Script properties):
 *   COLLECT_TAGS      hashtags, e.g. "VagueClimat, MarcheClimat"
 *   MASTODON          an instance, e.g. https://mastodon.social (a list, separated by commas, works too)
 *   PIXELFED          an instance, e.g. https://pixelfed.social
 *   BLUESKY           an AppView, e.g. https://public.api.bsky.app
 *   TRUSTED_ACCOUNTS  accounts published without review: "@user@instance, @handle.bsky.social"
 *   COLLECT_CHAPTER   optional: the chapter these posts belong to
 * installCollector() runs collectSocial() every 10 minutes.
 */
const NETWORKS = ['mastodon', 'pixelfed', 'bluesky'];
const COLLECT_MINUTES = [5, 10, 15, 30];
const HTML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Runs collectSocial() on a timer, every 10 minutes (or 5, 15, 30); running it again replaces the timer, 0 stops it. */
function installCollector(minutes) {
  const ui = ui_();
  const n = minutes === undefined || minutes === null || typeof minutes === 'object' ? 10 : Number(String(minutes).trim());
  if (n !== 0 && COLLECT_MINUTES.indexOf(n) < 0) return tell_(ui, say_('badMinutes'));
  ScriptApp.getProjectTriggers()
    .filter((trigger) => trigger.getHandlerFunction() === 'collectSocial')
    .forEach((trigger) => ScriptApp.deleteTrigger(trigger));
  if (!n) {
    tell_(ui, say_('collectOff'));
    return 0;
  }
  const settings = collectSettings_();
  if (!settings.sources.length || !settings.tags.length) {
    tell_(ui, say_('collectNoSettings'));
    return null;
  }
  ScriptApp.newTrigger('collectSocial').timeBased().everyMinutes(n).create();
  tell_(ui, say_('collectOn', { minutes: n, tags: settings.tags.map((t) => '#' + t).join(' '), sources: settings.sources.map((s) => s.base).join(', ') }));
  return n;
}

function collectSettings_() {
  const properties = PropertiesService.getScriptProperties();
  const list = (key) => text_(properties.getProperty(key)).split(/[\s,]+/).filter((v) => v);
  const sources = [];
  NETWORKS.forEach((network) => {
    list(network.toUpperCase()).forEach((base) => {
      if (/^https?:\/\/[^\/\s]+/i.test(base)) sources.push({ network: network, base: base.replace(/\/+$/, '') });
    });
  });
  return {
    sources: sources,
    tags: list('COLLECT_TAGS').map((t) => t.replace(/^#/, '')).filter((t) => t),
    trusted: list('TRUSTED_ACCOUNTS').map(accountKey_),
    chapter: text_(properties.getProperty('COLLECT_CHAPTER')),
  };
}

/** The timed run: each source's newest posts under each hashtag. Returns one line per source and hashtag, also in the execution log. */
function collectSocial() {
  const settings = collectSettings_();
  const trusted = Object.create(null);
  settings.trusted.forEach((account) => {
    trusted[account] = true;
  });
  const lines = [];
  settings.sources.forEach((source) => {
    settings.tags.forEach((tag) => {
      const url = collectUrl_(source, tag);
      const label = source.network + ' ' + source.base + ' #' + tag;
      let posts;
      try {
        posts = fetchPosts_(source, url, tag);
      } catch (err) {
        lines.push(label + ': not read (' + (err && err.message ? err.message : String(err)) + '); what it brought before stays.');
        return;
      }
      const result = withLock_(() => storeCollected_(posts, trusted, settings.chapter));
      lines.push(result.ok === false ? label + ': not stored (' + result.error + ')' : label + ': ' + result.added + ' new, ' + result.trusted + ' from trusted accounts published, ' + result.edited + ' edited, the rest waiting for moderation.');
    });
  });
  if (!lines.length) lines.push(say_('collectNoSettings'));
  lines.forEach((line) => console.log(line));
  return lines;
}

function collectUrl_(source, tag) {
  if (source.network === 'bluesky') return source.base + '/xrpc/app.bsky.feed.searchPosts?q=' + encodeURIComponent('#' + tag) + '&sort=latest&limit=50';
  return source.base + '/api/v1/timelines/tag/' + encodeURIComponent(tag) + '?limit=40';
}

function fetchPosts_(source, url, tag) {
  const host = url.replace(/^https?:\/\//i, '').split('/')[0];
  const response = UrlFetchApp.fetch(url, { method: 'get', headers: { accept: 'application/json' }, muteHttpExceptions: true, followRedirects: true });
  const code = response.getResponseCode();
  if (code === 429) throw new Error(host + ' asked to slow down (429); collect less often');
  if (code === 401 || code === 403 || code === 422) throw new Error(host + ' answers only signed-in requests here (' + code + '); choose another instance, or ask its administrators to open public timelines');
  if (code < 200 || code > 299) throw new Error(host + ' answered ' + code);
  let body;
  try {
    body = JSON.parse(response.getContentText('UTF-8'));
  } catch (err) {
    body = undefined;
  }
  const list = source.network === 'bluesky' ? body && body.posts : body;
  if (!Array.isArray(list)) throw new Error(host + ' did not answer a list of posts; is ' + source.base + ' a ' + source.network + ' server?');
  return list
    .map((item) => {
      try {
        return source.network === 'bluesky' ? fromBluesky_(item, tag) : fromStatus_(source.network, host, item, tag);
      } catch (err) {
        return null;
      }
    })
    .filter((post) => post);
}

/** Mastodon's (and Pixelfed's) Status entity as a post; public statuses only, boosts left out. */
function fromStatus_(network, host, s, tag) {
  if (!isObject_(s) || s.reblog || (s.visibility && s.visibility !== 'public')) return null;
  const acct = text_(s.account.acct);
  if (!acct || !text_(s.uri)) return null;
  const image = (s.media_attachments || []).filter((m) => m && m.type === 'image' && httpUrl_(m.url))[0];
  return {
    id: network + '-' + hashText_(s.uri),
    author: text_(s.account.display_name || s.account.username).slice(0, 120),
    account: accountKey_(acct.indexOf('@') >= 0 ? acct : acct + '@' + host),
    text: [text_(s.spoiler_text), htmlToText_(String(s.content || ''))].filter((t) => t).join('\n\n').slice(0, 4000),
    image: image ? image.url : '',
    alt: image && image.description ? String(image.description).slice(0, 1000) : '',
    link: httpUrl_(s.url) || httpUrl_(s.uri),
    hashtags: [tag],
    created: new Date(s.created_at).toISOString(),
    source: network,
    warned: !!(s.sensitive || text_(s.spoiler_text)),
  };
}

/** Bluesky's PostView as a post; only posts whose rich text tags the hashtag. */
function fromBluesky_(p, tag) {
  if (!isObject_(p) || !isObject_(p.record) || !text_(p.uri)) return null;
  const tags = (p.record.tags || []).concat(
    ...(p.record.facets || []).map((f) => (f.features || []).filter((x) => x.$type === 'app.bsky.richtext.facet#tag').map((x) => String(x.tag || ''))),
  );
  if (!tags.some((t) => String(t).toLowerCase() === tag.toLowerCase())) return null;
  const handle = text_(p.author.handle);
  const images = p.embed && p.embed.$type === 'app.bsky.embed.images#view' ? p.embed.images || [] : [];
  const image = images.filter((i) => httpUrl_(i.fullsize))[0];
  return {
    id: 'bluesky-' + hashText_(p.uri),
    author: text_(p.author.displayName || handle).slice(0, 120),
    account: accountKey_(handle),
    text: String(p.record.text || '').slice(0, 4000),
    image: image ? image.fullsize : '',
    alt: image && image.alt ? String(image.alt).slice(0, 1000) : '',
    link: 'https://bsky.app/profile/' + handle + '/post/' + String(p.uri).split('/').pop(),
    hashtags: [tag],
    created: new Date(p.record.createdAt || p.indexedAt || Date.now()).toISOString(),
    source: 'bluesky',
    warned: !!((p.labels && p.labels.length) || (p.author.labels || []).some((l) => String(l.val).charAt(0) === '!')),
  };
}

/**
 * Collected posts into the public posts tab. A post already there keeps its status, whatever a
 * moderator decided; an edit on the network replaces its text. Call it holding the lock.
 */
function storeCollected_(posts, trusted, chapter) {
  const fields = POST_COLUMNS.concat(['account']);
  const sheet = publicTabForWriting_('posts', fields);
  const columns = columnsFor_(sheet, fields);
  const blocked = blockedAuthors_(privateBookIfAny_());
  const result = { added: 0, trusted: 0, edited: 0 };
  posts.forEach((post) => {
    const existing = rowNumberOfId_(sheet, columns.id, post.id);
    if (existing > 0) {
      const textCell = sheet.getRange(existing, columns.text + 1);
      if (text_(textCell.getValue()) !== text_(cellIn_(post.text))) {
        textCell.setNumberFormat('@').setValue(cellIn_(post.text));
        result.edited++;
      }
      return;
    }
    const publish = !!trusted[post.account] && !post.warned;
    const status = blocked[postKey_(post.author, post.account)] ? 'hidden' : publish ? 'approved' : 'pending';
    if (status === 'approved') result.trusted++;
    result.added++;
    appendRecord_(sheet, columns, fields, Object.assign({}, post, { status: status, pinned: '', chapter: chapter }), ['account']);
  });
  SpreadsheetApp.flush();
  return result;
}

/** An account as the trusted list and a block name it: `@user@host`, lower case. */
function accountKey_(handle) {
  return '@' + text_(handle).replace(/^@/, '').toLowerCase();
}

/** A link from another server, kept only when it is a web address. */
function httpUrl_(value) {
  const url = text_(value);
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : '';
}

/** core's hashText (FNV-1a, base 36), so that a post has the same id here and on the reference server. */
function hashText_(text) {
  let h = 0x811c9dc5;
  for (const ch of String(text)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Mastodon's HTML as plain text: paragraphs as blank lines, line breaks kept, every tag dropped, entities decoded. */
function htmlToText_(markup) {
  return markup
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
      if (name.charAt(0) !== '#') return HTML_ENTITIES[name.toLowerCase()] || whole;
      const code = name.charAt(1) === 'x' || name.charAt(1) === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .trim();
}

// ---------------------------------------------------------------------- photos

/**
 * A supporter's photo, into a Drive folder of the campaign's that is shared with nobody:
 *   {"action": "upload-photo", "photo": "<base64 of a JPEG or PNG>", "meta": {"hp": "", "elapsed": …}}
 *     → {"ok": true, "id": "<Drive file id>", "url": "https://drive.google.com/thumbnail?id=…&sz=w1600"}
 * The post then names that url as its image. What a phone writes into a photo (the GPS position, the camera,
 * comments) is taken out here, whatever the browser sent. The file is shared "anyone with the link" (view)
 * only when a moderator approves a post showing it, and made private again when the post is hidden or its
 * author blocked; until then its address shows nothing. Drive's thumbnail address serves it resized
 * (sz=w400, w800, w1600). GET <exec>?photo=<id> gives its addresses only while an approved post shows it.
 */
const PHOTO_MAX_BYTES = 3 * 1024 * 1024;
const PHOTO_SIZES = [400, 800, 1600];

function uploadPhoto_(request) {
  const problem = checkMeta_(request.meta);
  if (problem) return fail_(422, problem);
  const encoded = typeof request.photo === 'string' ? request.photo.replace(/^data:[^,]*,/, '').replace(/\s+/g, '') : '';
  if (!encoded) return fail_(422, 'photo is missing: send the picture as base64 text in "photo".');
  if (encoded.length > Math.ceil(PHOTO_MAX_BYTES / 3) * 4) return fail_(413, 'The photo is too large (over 3 MB); send a smaller one.');
  let bytes;
  try {
    bytes = Utilities.base64Decode(encoded);
  } catch (err) {
    return fail_(422, 'photo: this is not a picture (its base64 text could not be read).');
  }
  const image = withoutMetadata_(bytes);
  if (!image) return fail_(415, 'photo: send a JPEG or PNG picture; this file is neither, or it is damaged.');
  return withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store.problem;
    const file = photoFolder_().createFile(Utilities.newBlob(image.bytes, image.type, 'photo.' + image.type.split('/')[1]));
    file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
    const sheet = tabForWriting_(store.book, 'photos', PRIVATE_TABS.photos);
    appendRecord_(sheet, columnsFor_(sheet, PRIVATE_TABS.photos), PRIVATE_TABS.photos, { id: file.getId(), created: new Date().toISOString(), type: image.type, bytes: image.bytes.length, shared: false });
    SpreadsheetApp.flush();
    return { ok: true, id: file.getId(), url: photoUrl_(file.getId(), 1600) };
  });
}

function photoUrl_(id, width) {
  return 'https://drive.google.com/thumbnail?id=' + encodeURIComponent(id) + '&sz=w' + width;
}

/** The private folder photos go into, made the first time. Call it holding the lock. */
function photoFolder_() {
  const properties = PropertiesService.getScriptProperties();
  const id = properties.getProperty('PHOTO_FOLDER_ID');
  if (id) {
    try {
      return DriveApp.getFolderById(id);
    } catch (err) {
      console.warn('The photo folder (' + id + ') cannot be opened, so a new one is made: ' + (err && err.message ? err.message : String(err)));
    }
  }
  const folder = DriveApp.createFolder('Archipel — photos (private)');
  folder.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
  properties.setProperty('PHOTO_FOLDER_ID', folder.getId());
  return folder;
}

/** The Drive file id of a post's image, when it is one of ours. */
function photoIdOf_(book, image) {
  const m = /^https:\/\/drive\.google\.com\/thumbnail\?id=([A-Za-z0-9_-]+)/.exec(text_(image));
  if (!m) return '';
  const sheet = findTab_(book, 'photos');
  return sheet && rowNumberOfId_(sheet, columnsFor_(sheet, ['id']).id, m[1]) > 0 ? m[1] : '';
}

/** Shares a post's photo with anyone who has its address, or with nobody. Call it holding the lock. */
function sharePhoto_(book, image, shared) {
  const id = photoIdOf_(book, image);
  if (!id) return;
  try {
    const file = DriveApp.getFileById(id);
    if (shared) file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    else file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
  } catch (err) {
    // Deleted from Drive by hand: the decision about the post still stands, and there is nothing left to share.
    console.warn('The photo ' + id + ' is no longer in Drive: ' + (err && err.message ? err.message : String(err)));
    return;
  }
  const sheet = findTab_(book, 'photos');
  const columns = columnsFor_(sheet, PRIVATE_TABS.photos);
  sheet.getRange(rowNumberOfId_(sheet, columns.id, id), columns.shared + 1).setValue(shared);
}

/** GET <exec>?photo=<id>: the addresses of a photo an approved post shows; nothing about any other. */
function photoRead_(params) {
  const id = text_(params.photo);
  const missing = fail_(404, 'No photo "' + id + '" is shown on the wall.');
  if (!/^[A-Za-z0-9_-]{10,100}$/.test(id)) return missing;
  const answer = read_({ collection: 'posts' });
  const shown = (answer.items || []).some((item) => text_(item.image).indexOf(photoUrl_(id, 1600).split('&')[0] + '&') === 0);
  if (!shown) return missing;
  const sizes = {};
  PHOTO_SIZES.forEach((width) => {
    sizes[width] = photoUrl_(id, width);
  });
  return { ok: true, id: id, url: photoUrl_(id, 1600), sizes: sizes };
}

/**
 * A JPEG or PNG without what a camera or phone writes besides the picture: JPEG's EXIF and XMP (APP1),
 * IPTC (APP13) and comments; PNG's eXIf and text chunks. {type, bytes}, or null for anything else.
 */
function withoutMetadata_(bytes) {
  const b = (i) => bytes[i] & 0xff;
  if (bytes.length > 4 && b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) {
    const out = [0xff, 0xd8].map(javaByte_);
    let i = 2;
    while (i + 4 <= bytes.length) {
      if (b(i) !== 0xff) return null;
      const marker = b(i + 1);
      // The scan and what follows it: the picture itself, kept whole.
      if (marker === 0xda) return { type: 'image/jpeg', bytes: out.concat(Array.prototype.slice.call(bytes, i)) };
      const length = (b(i + 2) << 8) | b(i + 3);
      if (length < 2 || i + 2 + length > bytes.length) return null;
      if (marker !== 0xe1 && marker !== 0xed && marker !== 0xfe) out.push.apply(out, Array.prototype.slice.call(bytes, i, i + 2 + length));
      i += 2 + length;
    }
    return null;
  }
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length > 8 && PNG.every((v, i) => b(i) === v)) {
    const out = Array.prototype.slice.call(bytes, 0, 8);
    let i = 8;
    while (i + 12 <= bytes.length) {
      const length = ((b(i) << 24) | (b(i + 1) << 16) | (b(i + 2) << 8) | b(i + 3)) >>> 0;
      const type = String.fromCharCode(b(i + 4), b(i + 5), b(i + 6), b(i + 7));
      if (i + 12 + length > bytes.length) return null;
      if (['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME'].indexOf(type) < 0) out.push.apply(out, Array.prototype.slice.call(bytes, i, i + 12 + length));
      i += 12 + length;
      if (type === 'IEND') return { type: 'image/png', bytes: out };
    }
    return null;
  }
  return null;
}

/** A byte as Apps Script's Byte[] holds it: -128 to 127. */
function javaByte_(value) {
  return value > 127 ? value - 256 : value;
}

// ---------------------------------------------------------------------- tokens

/**
 * Who is asking, from their token: {name, chapter} (chapter empty for campaign
 * staff), or {problem}. Tokens are kept as SHA-256 fingerprints; the shared
 * STAFF_TOKEN property of older set-ups counts as one staff token until the
 * first personal token is made.
 */
function access_(book, token) {
  const given = text_(token);
  if (!given) {
    return { problem: fail_(401, 'This needs a staff token, and none was sent. Campaign staff make one for each person: in the spreadsheet, Archipel → Create a token for someone.') };
  }
  const sheet = findTab_(book, 'tokens');
  const table = sheet ? readTable_(sheet) : { headers: [], rows: [] };
  const col = {};
  PRIVATE_TABS.tokens.forEach((field) => {
    col[field] = columnOf_(table.headers, field);
  });
  const hash = fingerprint_(given);
  const row = col.hash < 0 ? null : table.rows.filter((r) => text_(r[col.hash]) === hash)[0];
  if (row) {
    const name = text_(row[col.name]) || 'someone';
    const tz = Session.getScriptTimeZone();
    if (col.revoked >= 0 && !isBlank_(row[col.revoked])) {
      return { problem: fail_(401, 'The token of ' + name + ' was revoked on ' + day_(row[col.revoked], tz) + ', so it no longer works. Ask campaign staff for a new one.') };
    }
    const expires = col.expires < 0 ? NaN : timeOf_(row[col.expires]);
    if (isNaN(expires) || expires <= Date.now()) {
      return { problem: fail_(401, 'The token of ' + name + ' expired on ' + day_(row[col.expires], tz) + '. Ask campaign staff for a new one.') };
    }
    return { name: name, chapter: col.chapter < 0 ? '' : text_(row[col.chapter]).toLowerCase() };
  }
  const shared = text_(PropertiesService.getScriptProperties().getProperty('STAFF_TOKEN'));
  if (shared && sameSecret_(given, shared)) {
    if (table.rows.length) {
      return { problem: fail_(401, 'The shared staff token stopped working when personal tokens were made. Ask campaign staff for a token of your own.') };
    }
    return { name: 'STAFF_TOKEN (shared)', chapter: '' };
  }
  return { problem: fail_(401, 'This token is not known here: it was mistyped, or never made for this campaign. Ask campaign staff for one.') };
}

/** Compares every character of the longer string, so the time taken does not tell how much of a guess was right. */
function sameSecret_(given, expected) {
  const length = Math.max(given.length, expected.length);
  let difference = given.length ^ expected.length;
  for (let i = 0; i < length; i++) {
    const a = i < given.length ? given.charCodeAt(i) : 0;
    const b = i < expected.length ? expected.charCodeAt(i) : 0;
    difference |= a ^ b;
  }
  return difference === 0;
}

/** One line of the access log: who read or changed what, when, how many records. Call it holding the lock. */
function logAccess_(book, who, action, collection, records, note) {
  const sheet = tabForWriting_(book, 'access_log', PRIVATE_TABS.access_log);
  const columns = columnsFor_(sheet, PRIVATE_TABS.access_log);
  appendRecord_(sheet, columns, PRIVATE_TABS.access_log, {
    at: new Date().toISOString(),
    who: who.name,
    chapter: who.chapter,
    action: action,
    collection: collection,
    records: records,
    note: note,
  });
}

// ---------------------------------------------------------------- a person's data

function findPersonRequest_(request) {
  return personRequest_(request, 'find');
}

function erasePersonRequest_(request) {
  return personRequest_(request, 'erase');
}

/** Staff find or erase everything held about one person, by email or phone, across the campaign. */
function personRequest_(request, what) {
  const query = personQuery_(request.email, request.phone);
  if (!query) return fail_(422, 'Say who: an email address (email) or a phone number of at least 6 digits (phone).');
  return withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store.problem;
    const who = access_(store.book, request.token);
    if (who.problem) return who.problem;
    if (who.chapter) {
      logAccess_(store.book, who, 'refused', 'people', 0, what + ' a person, for campaign staff only');
      return fail_(403, 'Finding and erasing a person across the campaign is for campaign staff; the token of ' + who.name + ' is for the chapter ' + who.chapter + '.');
    }
    const found = findPerson_(store.book, query);
    if (what === 'find') {
      logAccess_(store.book, who, 'find person', 'people', found.count, query.email ? 'by email' : 'by phone');
      SpreadsheetApp.flush();
      return { ok: true, person: found.person };
    }
    const erased = erase_(store.book, found, query, who.name, 'staff request');
    logAccess_(store.book, who, 'erase person', 'people', erased, query.email ? 'by email' : 'by phone');
    SpreadsheetApp.flush();
    return { ok: true, erased: erased };
  });
}

/** {email, phone} normalised, or null when neither is usable. */
function personQuery_(email, phone) {
  const query = { email: text_(email).toLowerCase(), phone: digits_(phone) };
  if (query.email && query.email.indexOf('@') < 1) query.email = '';
  if (query.phone.length < 6) query.phone = '';
  return query.email || query.phone ? query : null;
}

/** What a person typed into a prompt: an email address, or else a phone number. */
function personQueryOf_(typed) {
  const value = text_(typed);
  return value.indexOf('@') >= 0 ? personQuery_(value, '') : personQuery_('', value);
}

/**
 * Everything held about one person: the sign-ups and survey responses that
 * carry their email or phone, and the posts whose consent record does.
 * `places` lists the rows, for erasing them.
 */
function findPerson_(book, query) {
  const tz = Session.getScriptTimeZone();
  const person = { signups: [], responses: [], posts: [] };
  const places = [];
  ['signups', 'responses', 'post_consents'].forEach((tab) => {
    const sheet = findTab_(book, tab);
    if (!sheet) return;
    const values = sheet.getDataRange().getValues();
    const headers = (values[0] || []).map((h) => String(h));
    const skip = [columnOf_(headers, 'secret_hash')];
    values.slice(1).forEach((row, i) => {
      if (!matchesPerson_(headers, row, query)) return;
      places.push({ sheet: sheet, row: i + 2, tab: tab, record: rowObject_(headers, row, tz, skip) });
    });
  });
  const posts = [];
  const surveys = surveysById_();
  places.forEach((place) => {
    if (place.tab !== 'post_consents') {
      person[place.tab].push(place.tab === 'responses' ? withAnswers_(surveys)(place.record) : place.record);
      return;
    }
    // A post goes with its consent: erasing one erases the other.
    const post = publicPost_(place.record.id);
    person.posts.push(Object.assign({}, post ? post.item : { id: place.record.id }, place.record));
    if (post) posts.push({ sheet: post.sheet, row: post.row, tab: 'posts' });
  });
  return { person: person, places: places.concat(posts), count: person.signups.length + person.responses.length + person.posts.length };
}

/** Whether a row carries this email or phone, in its own columns or in a contact left with it. */
function matchesPerson_(headers, row, query) {
  const emails = [];
  const phones = [];
  const emailCol = columnOf_(headers, 'email');
  const phoneCol = columnOf_(headers, 'phone');
  if (emailCol >= 0) emails.push(row[emailCol]);
  if (phoneCol >= 0) phones.push(row[phoneCol]);
  const contact = jsonCell_(row[columnOf_(headers, 'contact')]);
  if (isObject_(contact)) {
    emails.push(contact.email);
    phones.push(contact.phone);
  }
  return (!!query.email && emails.some((e) => text_(e).toLowerCase() === query.email)) || (!!query.phone && phones.some((p) => samePhone_(digits_(p), query.phone)));
}

/**
 * The same number written nationally or internationally: "06 12 34 56 78" is
 * "+33 6 12 34 56 78". Leading zeros aside, one must end with the other, and
 * the shorter must keep at least 8 digits.
 */
function samePhone_(a, b) {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (!x || !y) return false;
  if (x === y) return true;
  const shorter = x.length < y.length ? x : y;
  const longer = x.length < y.length ? y : x;
  return shorter.length >= 8 && longer.slice(-shorter.length) === shorter;
}

function digits_(value) {
  return text_(value).replace(/\D/g, '');
}

/** A post of the public sheet by id: its row and what anyone may read of it. */
function publicPost_(id) {
  const sheet = findSheet_('posts');
  if (!sheet || !id) return null;
  const table = readTable_(sheet);
  const idCol = columnOf_(table.headers, 'id');
  const values = sheet.getDataRange().getValues();
  for (let i = 1; i < values.length; i++) {
    if (idCol >= 0 && text_(values[i][idCol]) === String(id)) {
      return { sheet: sheet, row: i + 1, item: publicItems_('posts', table.headers, [values[i]], Session.getScriptTimeZone())[0] || { id: id } };
    }
  }
  return null;
}

/**
 * Deletes the rows found, bottom first so that row numbers stay right, and
 * keeps a record that it happened: when, by whom, how many records, and keyed
 * fingerprints of the email and phone (a plain hash of an address can be
 * reversed by hashing a list of addresses; these need the script's key).
 * Call it holding the lock.
 */
function erase_(book, found, query, by, how) {
  const bySheet = [];
  found.places.forEach((place) => {
    let group = bySheet.filter((g) => g.sheet === place.sheet)[0];
    if (!group) bySheet.push((group = { sheet: place.sheet, rows: [] }));
    if (group.rows.indexOf(place.row) < 0) group.rows.push(place.row);
  });
  bySheet.forEach((group) => {
    group.rows.sort((a, b) => b - a).forEach((row) => group.sheet.deleteRow(row));
  });
  recordErasure_(book, by, how, found.count, query.email, query.phone, '');
  return found.count;
}

/** A phone's fingerprint is of its last 8 digits, so that "06 12 34 56 78" and "+33 6 12 34 56 78" give the same one. */
function recordErasure_(book, by, how, records, email, phone, note) {
  const sheet = tabForWriting_(book, 'erasures', PRIVATE_TABS.erasures);
  const columns = columnsFor_(sheet, PRIVATE_TABS.erasures);
  appendRecord_(sheet, columns, PRIVATE_TABS.erasures, {
    at: new Date().toISOString(),
    by: by,
    how: how,
    records: records,
    email_hash: email ? keyedHash_('email', email) : '',
    phone_hash: phone ? keyedHash_('phone', phone.replace(/^0+/, '').slice(-8)) : '',
    note: note,
  });
}

// ---------------------------------------------------- a supporter's private link

/** What is held with this secret: the one record whose receipt carried it. */
function mine_(request) {
  const secret = text_(request.secret);
  return withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store.problem;
    const found = SECRET_PATTERN.test(secret) ? bySecret_(store.book, secret) : [];
    if (!found.length) return fail_(404, NO_SECRET_MATCH);
    const person = { signups: [], responses: [], posts: [] };
    found.forEach((place) => person[place.tab].push(place.record));
    if (person.signups.length) person.recruits = recruitsOf_(store.book, person.signups);
    return { ok: true, person: person };
  });
}

/**
 * The relational loop, as the reference server counts it: how many other people joined through any of this
 * person's share codes. A person is an email (a sign-up without one is a person of its own); their first sign-up
 * decides who recruited them, so signing up again through another link changes nothing. Only a count leaves.
 */
function recruitsOf_(book, signups) {
  const sheet = findTab_(book, 'signups');
  if (!sheet) return 0;
  const values = sheet.getDataRange().getValues();
  const headers = (values[0] || []).map((h) => String(h));
  const col = { id: columnOf_(headers, 'id'), email: columnOf_(headers, 'email'), ref: columnOf_(headers, 'ref'), referrer: columnOf_(headers, 'referrer') };
  if (col.ref < 0 || col.referrer < 0) return 0;
  const personOf = (email, id) => (text_(email) ? 'e:' + text_(email).normalize('NFKC').trim().toLowerCase() : 'i:' + text_(id));
  const mine = {};
  signups.forEach((s) => {
    mine[personOf(s.email, s.id)] = true;
  });
  const codes = {};
  const firstReferrer = {};
  for (let i = 1; i < values.length; i++) {
    const row = values[i];
    const who = personOf(col.email < 0 ? '' : row[col.email], col.id < 0 ? i : row[col.id]);
    if (mine[who] && text_(row[col.ref])) codes[text_(row[col.ref])] = true;
    if (!hasOwn_(firstReferrer, who)) firstReferrer[who] = text_(row[col.referrer]);
  }
  return Object.keys(firstReferrer).filter((who) => !mine[who] && firstReferrer[who] && codes[firstReferrer[who]]).length;
}

/**
 * Erases what is held with this secret, or, with a purpose, withdraws that
 * one consent: from a sign-up (erased when no consent is left) or the contact
 * details left with survey answers (the answers themselves stay, anonymous).
 */
function forgetMe_(request) {
  const secret = text_(request.secret);
  const purpose = text_(request.purpose);
  return withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store.problem;
    const found = SECRET_PATTERN.test(secret) ? bySecret_(store.book, secret) : [];
    if (!found.length) return fail_(404, NO_SECRET_MATCH);
    const by = 'the person, through their private link';
    let erased = 0;
    let withdrawn = 0;
    found.forEach((place) => {
      const contact = place.tab === 'signups' ? place.record : jsonCell_(place.contact) || {};
      const email = text_(contact.email || place.record.email).toLowerCase();
      const phone = digits_(contact.phone || place.record.phone);
      if (!purpose) {
        place.sheet.deleteRow(place.row);
        erased++;
        recordErasure_(store.book, by, 'private link', 1, email, phone, '');
        return;
      }
      if (place.tab === 'signups') {
        const consents = jsonCell_(place.consent);
        if (!Array.isArray(consents)) return;
        const kept = consents.filter((c) => !(isObject_(c) && text_(c.purpose) === purpose));
        if (kept.length === consents.length) return;
        if (!kept.length) {
          place.sheet.deleteRow(place.row);
          erased++;
          recordErasure_(store.book, by, 'private link', 1, email, phone, 'withdrew "' + purpose + '", the last consent');
        } else {
          place.sheet.getRange(place.row, place.consentCol + 1).setNumberFormat('@').setValue(cellIn_(kept));
          withdrawn++;
        }
        return;
      }
      const held = jsonCell_(place.contact);
      if (isObject_(held) && isObject_(held.consent) && text_(held.consent.purpose) === purpose) {
        place.sheet.getRange(place.row, place.contactCol + 1).setValue('');
        withdrawn++;
        recordErasure_(store.book, by, 'private link', 1, email, phone, 'withdrew "' + purpose + '": contact details');
      }
    });
    SpreadsheetApp.flush();
    return { ok: true, erased: erased, withdrawn: withdrawn };
  });
}

const NO_SECRET_MATCH = 'Nothing is held with this private link: it was mistyped, or what it pointed to was already erased.';

/** The rows whose receipt carried this secret (one, in practice), with what forget-me needs to change them. */
function bySecret_(book, secret) {
  const hash = fingerprint_(secret);
  const tz = Session.getScriptTimeZone();
  const found = [];
  ['signups', 'responses'].forEach((tab) => {
    const sheet = findTab_(book, tab);
    if (!sheet) return;
    const values = sheet.getDataRange().getValues();
    const headers = (values[0] || []).map((h) => String(h));
    const col = columnOf_(headers, 'secret_hash');
    if (col < 0) return;
    const consentCol = columnOf_(headers, 'consent');
    const contactCol = columnOf_(headers, 'contact');
    for (let i = values.length - 1; i >= 1; i--) {
      if (text_(values[i][col]) !== hash) continue;
      found.push({
        tab: tab,
        sheet: sheet,
        row: i + 1,
        record: rowObject_(headers, values[i], tz, [col]),
        consent: consentCol < 0 ? '' : values[i][consentCol],
        consentCol: consentCol,
        contact: contactCol < 0 ? '' : values[i][contactCol],
        contactCol: contactCol,
      });
    }
  });
  return found;
}

function jsonCell_(value) {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return null;
  try {
    return JSON.parse(value);
  } catch (err) {
    return null;
  }
}

// ------------------------------------------------------------ the private store

/**
 * The private spreadsheet, or the reason nothing personal may be stored or
 * served yet: personal data still in the public sheet, or no private
 * spreadsheet. Either way the answer is 503, so the widgets keep what they
 * were sending and send it again later.
 */
function privateStore_() {
  const legacy = legacyTabs_();
  if (legacy.length) {
    return {
      reason: 'mustMove',
      problem: fail_(503, 'Personal data is still in the public sheet (' + legacy.join(', ') + '), where anyone with its address can read it, so nothing personal is stored or served until it is moved. In the spreadsheet, click Archipel → Move personal data out of this sheet (or run movePersonalData in the Apps Script editor). What is sent meanwhile waits on the senders\' devices.'),
    };
  }
  const book = privateBook_();
  if (!book) {
    return {
      reason: 'notSetUp',
      problem: fail_(503, 'Archipel is not set up yet: its private spreadsheet does not exist. In the spreadsheet, click Archipel → Set up the private spreadsheet (or run setUp in the Apps Script editor). What is sent meanwhile waits on the senders\' devices.'),
    };
  }
  return { book: book };
}

/** The private spreadsheet, or null before setUp(). One that cannot be opened is an error worth stopping for. */
function privateBook_() {
  const id = text_(PropertiesService.getScriptProperties().getProperty('PRIVATE_SPREADSHEET_ID'));
  if (!id) return null;
  try {
    return SpreadsheetApp.openById(id);
  } catch (err) {
    throw new Error('the private spreadsheet (id ' + id + ') cannot be opened (' + (err && err.message ? err.message : String(err)) + '). If it was deleted, delete the script property PRIVATE_SPREADSHEET_ID in Project Settings, then click Archipel → Set up the private spreadsheet');
  }
}

/** For public reads, which must keep working whatever happened to the private spreadsheet. */
function privateBookIfAny_() {
  try {
    return privateBook_();
  } catch (err) {
    console.warn(err && err.message ? err.message : String(err));
    return null;
  }
}

/** Tabs of the public sheet that hold personal data, as the campaign sees them named. */
function legacyTabs_() {
  const found = [];
  Object.keys(PRIVATE_TABS).forEach((tab) => {
    const sheet = findSheet_(tab);
    if (sheet) found.push(sheet.getName());
  });
  const posts = findSheet_('posts');
  if (posts) {
    const headers = posts.getLastColumn() ? posts.getRange(1, 1, 1, posts.getLastColumn()).getValues()[0] : [];
    const columns = POST_PRIVATE_COLUMNS.filter((field) => columnOf_(headers, field) >= 0);
    if (columns.length) found.push(posts.getName() + ' (' + columns.join(', ') + ')');
  }
  return found;
}

/** The secret of a private link: a keyed hash of the record, so a retry of the same record gets the same one. */
function secretFor_(collection, record) {
  const bytes = Utilities.computeHmacSha256Signature(JSON.stringify([collection, record.id, record]), scriptKey_(), Utilities.Charset.UTF_8);
  return webSafe_(bytes);
}

/** The script's own secret key, made the first time it is needed. Call it holding the lock. */
function scriptKey_() {
  const properties = PropertiesService.getScriptProperties();
  let key = properties.getProperty('SECRET_KEY');
  if (!key) {
    key = randomSecret_();
    properties.setProperty('SECRET_KEY', key);
  }
  return key;
}

function keyedHash_(kind, value) {
  return hex_(Utilities.computeHmacSha256Signature(kind + ':' + value, scriptKey_(), Utilities.Charset.UTF_8));
}

/**
 * 32 unguessable bytes, in web-safe base64. Apps Script has no
 * crypto.getRandomValues; its UUIDs are random (version 4, 122 random bits
 * each), and three of them hashed together give the 256 bits.
 */
function randomSecret_() {
  const seed = Utilities.getUuid() + Utilities.getUuid() + Utilities.getUuid();
  return webSafe_(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, seed, Utilities.Charset.UTF_8));
}

function fingerprint_(text) {
  return hex_(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8));
}

function webSafe_(bytes) {
  return Utilities.base64EncodeWebSafe(bytes).replace(/=+$/, '');
}

/** Apps Script's bytes are signed, -128 to 127. */
function hex_(bytes) {
  return bytes.map((b) => ('0' + ((b + 256) % 256).toString(16)).slice(-2)).join('');
}

// ------------------------------------------- functions for the campaign team

/**
 * Creates the private spreadsheet ("<campaign> — private (Archipel)"), its
 * tabs and the script's key, and remembers it in the script properties. Run it
 * once; running it again only adds what is missing.
 */
function setUp() {
  const ui = ui_();
  const result = withLock_(setUp_);
  if (!result.ok) return tell_(ui, result.error);
  const lines = [say_(result.created ? 'setUpDone' : 'setUpAlready', { name: result.name, url: result.url })];
  if (result.legacy.length) lines.push(say_('setUpMove', { tabs: result.legacy.join(', ') }));
  tell_(ui, lines.join('\n\n'));
  return { created: result.created, url: result.url, tabs: result.added };
}

function setUp_() {
  const properties = PropertiesService.getScriptProperties();
  const active = SpreadsheetApp.getActiveSpreadsheet();
  scriptKey_();
  let book = privateBook_();
  const created = !book;
  if (!book) {
    book = SpreadsheetApp.create(active.getName() + ' — private (Archipel)');
    properties.setProperty('PRIVATE_SPREADSHEET_ID', book.getId());
  }
  if (book.getId() === active.getId()) {
    throw new Error('PRIVATE_SPREADSHEET_ID names this public sheet itself. Delete that script property in Project Settings, then set up again.');
  }
  const added = [];
  Object.keys(PRIVATE_TABS).forEach((tab) => {
    if (findTab_(book, tab)) return;
    const sheets = book.getSheets();
    // A new spreadsheet comes with one empty sheet ("Sheet1", "Feuille 1"…): it becomes the first tab.
    const blank = sheets.length === 1 && !sheets[0].getLastRow() && !sheets[0].getLastColumn() && !hasOwn_(PRIVATE_TABS, sheets[0].getName()) ? sheets[0] : null;
    const sheet = blank ? blank.setName(tab) : book.insertSheet(tab);
    sheet.getRange(1, 1, 1, PRIVATE_TABS[tab].length).setValues([PRIVATE_TABS[tab]]);
    sheet.setFrozenRows(1);
    added.push(tab);
  });
  SpreadsheetApp.flush();
  console.log('Archipel: private spreadsheet ' + (created ? 'created' : 'found') + ' (' + book.getUrl() + ')' + (added.length ? ', tabs added: ' + added.join(', ') : '') + '.');
  return { ok: true, created: created, added: added, name: book.getName(), url: book.getUrl(), book: book, legacy: legacyTabs_() };
}

/**
 * For a campaign set up before the private spreadsheet: moves the rows of the
 * public sheet's signups, responses and blocked tabs into the private
 * spreadsheet, then deletes those tabs; moves each post's consent, language
 * and contact into post_consents, then deletes those columns. Sets up first if
 * needed. Running it twice moves nothing twice.
 */
function movePersonalData() {
  const ui = ui_();
  const result = withLock_(() => {
    const setup = setUp_();
    const book = setup.book;
    const moved = { signups: 0, responses: 0, blocked: 0, posts: 0 };
    const deleted = [];
    ['signups', 'responses', 'blocked'].forEach((tab) => {
      const from = findSheet_(tab);
      if (!from) return;
      moved[tab] = copyRows_(from, tabForWriting_(book, tab, PRIVATE_TABS[tab]), PRIVATE_TABS[tab]);
      // The copy is saved before the original goes.
      SpreadsheetApp.flush();
      deleted.push(from.getName());
      deleteTab_(from);
    });
    const posts = findSheet_('posts');
    if (posts) moved.posts = movePostConsents_(posts, book);
    const total = moved.signups + moved.responses + moved.blocked + moved.posts;
    logAccess_(book, EDITOR, 'move personal data', 'public sheet', total, deleted.join(', '));
    SpreadsheetApp.flush();
    return { ok: true, moved: moved, deleted: deleted, left: legacyTabs_(), url: setup.url };
  });
  if (!result.ok) return tell_(ui, result.error);
  const m = result.moved;
  tell_(ui, m.signups + m.responses + m.blocked + m.posts || result.deleted.length ? say_('moved', { signups: m.signups, responses: m.responses, posts: m.posts, blocked: m.blocked, tabs: result.deleted.join(', ') || '—', url: result.url }) : say_('moveNothing'));
  return { moved: m, deleted: result.deleted };
}

/**
 * Appends the rows of one tab to another, column by column whatever their
 * names (Courriel lands in email), skipping ids already there, as text so that
 * nothing turns into a number or a formula on the way. Returns how many rows
 * it copied.
 */
function copyRows_(from, to, fields) {
  const table = readTable_(from);
  const tz = Session.getScriptTimeZone();
  const names = table.headers.map((header) => fields.filter((field) => columnOf_([header], field) === 0)[0] || header.trim());
  const columns = columnsFor_(to, names.filter((n) => n));
  const idFrom = columnOf_(table.headers, 'id');
  let copied = 0;
  table.rows.forEach((values) => {
    const id = idFrom < 0 ? '' : text_(values[idFrom]);
    if (id && columns.id !== undefined && rowNumberOfId_(to, columns.id, id) > 0) return;
    const row = [];
    for (let i = 0; i < to.getLastColumn(); i++) row.push('');
    names.forEach((name, i) => {
      if (name) row[columns[name]] = neutralise_(cellOut_(values[i], tz));
    });
    to.getRange(to.getLastRow() + 1, 1, 1, row.length).setNumberFormat('@').setValues([row]);
    copied++;
  });
  return copied;
}

/** Each post's consent, language and contact into post_consents, keyed by post id; then those columns leave the public sheet. */
function movePostConsents_(posts, book) {
  const table = readTable_(posts);
  const cols = POST_PRIVATE_COLUMNS.map((field) => ({ field: field, col: columnOf_(table.headers, field) })).filter((c) => c.col >= 0);
  if (!cols.length) return 0;
  const idCol = columnOf_(table.headers, 'id');
  const createdCol = columnOf_(table.headers, 'created');
  const consents = tabForWriting_(book, 'post_consents', PRIVATE_TABS.post_consents);
  const columns = columnsFor_(consents, PRIVATE_TABS.post_consents);
  const tz = Session.getScriptTimeZone();
  let moved = 0;
  table.rows.forEach((row) => {
    const id = idCol < 0 ? '' : text_(row[idCol]);
    if (!id || cols.every((c) => isBlank_(row[c.col])) || rowNumberOfId_(consents, columns.id, id) > 0) return;
    const values = { id: id, created: createdCol < 0 ? '' : cellOut_(row[createdCol], tz) };
    cols.forEach((c) => {
      values[c.field] = row[c.col];
    });
    appendRecord_(consents, columns, PRIVATE_TABS.post_consents, values);
    moved++;
  });
  SpreadsheetApp.flush();
  cols
    .map((c) => c.col)
    .sort((a, b) => b - a)
    .forEach((col) => posts.deleteColumn(col + 1));
  return moved;
}

/** A spreadsheet keeps at least one sheet, so the last one is emptied instead. */
function deleteTab_(sheet) {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  if (book.getSheets().length > 1) book.deleteSheet(sheet);
  else sheet.getDataRange().setValue('');
}

/**
 * Makes a personal token: for campaign staff (no chapter) or for the lead of
 * one chapter. From the menu it asks for the name, the chapter and how many
 * days it works, then shows the token once; only its fingerprint is kept.
 * Called from code, createToken("Léa", "lyon", 90) returns the token.
 */
function createToken(name, chapter, days) {
  const ui = ui_();
  if (typeof name !== 'string') {
    if (!ui) return tell_(null, say_('noEditor'));
    name = ask_(ui, say_('askName'));
    if (name === null) return null;
    chapter = ask_(ui, say_('askChapter'));
    if (chapter === null) return null;
    days = ask_(ui, say_('askDays', { days: TOKEN_DAYS }));
    if (days === null) return null;
  }
  const who = text_(name);
  const place = text_(chapter).toLowerCase();
  const lifetime = isBlank_(days) ? TOKEN_DAYS : Number(String(days).trim().replace(/\s*(d|j|días|dias|jours|days)$/i, ''));
  if (!who || who.length > 80) return tell_(ui, say_('badName'));
  if (!(lifetime >= 1 && lifetime <= TOKEN_MAX_DAYS && Math.floor(lifetime) === lifetime)) return tell_(ui, say_('badDays', { max: TOKEN_MAX_DAYS }));
  const known = chapterIds_();
  if (place && known && known.indexOf(place) < 0) return tell_(ui, say_('badChapter', { chapter: place, known: known.join(', ') || '—' }));

  const result = withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store;
    const token = randomSecret_();
    const now = new Date();
    const expires = new Date(now.getTime() + lifetime * DAY_MS);
    const sheet = tabForWriting_(store.book, 'tokens', PRIVATE_TABS.tokens);
    appendRecord_(sheet, columnsFor_(sheet, PRIVATE_TABS.tokens), PRIVATE_TABS.tokens, { name: who, chapter: place, hash: fingerprint_(token), created: now.toISOString(), expires: expires.toISOString(), revoked: '' });
    const properties = PropertiesService.getScriptProperties();
    const shared = !!properties.getProperty('STAFF_TOKEN');
    if (shared) properties.deleteProperty('STAFF_TOKEN');
    logAccess_(store.book, EDITOR, 'create token', 'tokens', 1, who + (place ? ' (chapter ' + place + ')' : ' (campaign staff)'));
    SpreadsheetApp.flush();
    return { ok: true, token: token, expires: expires, shared: shared };
  });
  if (!result.ok) return tell_(ui, result.reason ? say_(result.reason) : result.error);
  const role = place ? say_('roleLead', { chapter: place }) : say_('roleStaff');
  const until = day_(result.expires, Session.getScriptTimeZone());
  // The token is shown to the person at the keyboard, never written to the log.
  tell_(ui, say_(ui ? 'tokenMade' : 'tokenMadeNoUi', { name: who, role: role, until: until, token: result.token }) + (result.shared ? '\n\n' + say_('sharedGone') : ''));
  return result.token;
}

/** Stops every working token of that person at once. */
function revokeToken(name) {
  const ui = ui_();
  if (typeof name !== 'string') {
    if (!ui) return tell_(null, say_('noEditor'));
    name = ask_(ui, say_('askRevoke'));
    if (name === null) return null;
  }
  const who = text_(name).toLowerCase();
  const result = withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store;
    const sheet = findTab_(store.book, 'tokens');
    const columns = sheet ? columnsFor_(sheet, PRIVATE_TABS.tokens) : {};
    const names = [];
    let count = 0;
    if (sheet) {
      const values = sheet.getDataRange().getValues();
      for (let i = 1; i < values.length; i++) {
        const holder = text_(values[i][columns.name]);
        const active = isBlank_(values[i][columns.revoked]) && timeOf_(values[i][columns.expires]) > Date.now();
        if (active && names.indexOf(holder) < 0) names.push(holder);
        if (!active || holder.toLowerCase() !== who) continue;
        sheet.getRange(i + 1, columns.revoked + 1).setNumberFormat('@').setValue(new Date().toISOString());
        count++;
      }
    }
    if (count) logAccess_(store.book, EDITOR, 'revoke token', 'tokens', count, text_(name));
    SpreadsheetApp.flush();
    return { ok: true, count: count, names: names };
  });
  if (!result.ok) return tell_(ui, result.reason ? say_(result.reason) : result.error);
  tell_(ui, result.count ? say_('revoked', { name: text_(name), count: result.count }) : say_('noSuchToken', { name: text_(name), names: result.names.join(', ') || '—' }));
  return result.count;
}

/** Who has a token, for which chapter, until when; never the tokens themselves, which are not kept. */
function listTokens() {
  const ui = ui_();
  const result = withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store;
    const sheet = findTab_(store.book, 'tokens');
    const table = sheet ? readTable_(sheet) : { headers: [], rows: [] };
    const col = {};
    PRIVATE_TABS.tokens.forEach((field) => {
      col[field] = columnOf_(table.headers, field);
    });
    const tz = Session.getScriptTimeZone();
    const lines = table.rows.map((row) => {
      const chapter = text_(row[col.chapter]);
      const state = !isBlank_(row[col.revoked]) ? say_('stateRevoked', { day: day_(row[col.revoked], tz) }) : timeOf_(row[col.expires]) > Date.now() ? say_('stateUntil', { day: day_(row[col.expires], tz) }) : say_('stateExpired', { day: day_(row[col.expires], tz) });
      return '• ' + text_(row[col.name]) + ' — ' + (chapter ? say_('roleLead', { chapter: chapter }) : say_('roleStaff')) + ' — ' + state;
    });
    return { ok: true, lines: lines };
  });
  if (!result.ok) return tell_(ui, result.reason ? say_(result.reason) : result.error);
  tell_(ui, result.lines.length ? say_('tokenList', { lines: result.lines.join('\n') }) : say_('noTokens'));
  return result.lines;
}

/** Says where a person's data is (by email or phone), without copying it anywhere. */
function findPerson(emailOrPhone) {
  return personTool_('find', emailOrPhone);
}

/** Everything held about a person, as JSON to send them: in a window to copy from, or in the execution log when run from the editor. */
function exportPerson(emailOrPhone) {
  return personTool_('export', emailOrPhone);
}

/** Erases a person from every tab, after asking whoever is at the keyboard; a record that it happened is kept, without their data. */
function erasePerson(emailOrPhone) {
  return personTool_('erase', emailOrPhone);
}

function personTool_(what, typed) {
  const ui = ui_();
  if (typeof typed !== 'string') {
    if (!ui) return tell_(null, say_('noEditor'));
    typed = ask_(ui, say_('askPerson'));
    if (typed === null) return null;
  }
  const query = personQueryOf_(typed);
  if (!query) return tell_(ui, say_('badPerson'));
  const how = query.email ? 'by email' : 'by phone';
  const look = withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store;
    const found = findPerson_(store.book, query);
    if (what !== 'erase') logAccess_(store.book, EDITOR, what === 'find' ? 'find person' : 'export person', 'people', found.count, how);
    SpreadsheetApp.flush();
    return { ok: true, found: found };
  });
  if (!look.ok) return tell_(ui, look.reason ? say_(look.reason) : look.error);
  const found = look.found;
  if (!found.count) {
    tell_(ui, say_('notFound'));
    return what === 'erase' ? 0 : found.person;
  }
  if (what === 'find') {
    const where = found.places.map((p) => p.tab + ' ' + p.row).join(', ');
    tell_(ui, say_('found', { signups: found.person.signups.length, responses: found.person.responses.length, posts: found.person.posts.length, where: where }));
    return found.person;
  }
  if (what === 'export') {
    const json = JSON.stringify(found.person, null, 2);
    if (ui) {
      const html = '<p style="font-family:sans-serif">' + escapeHtml_(say_('exported')) + '</p><textarea readonly style="width:100%;height:320px;font-family:monospace">' + escapeHtml_(json) + '</textarea>';
      ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(640).setHeight(440), 'Archipel');
    } else console.log(json);
    return found.person;
  }
  if (ui && ui.alert('Archipel', say_('confirmErase', { count: found.count }), ui.ButtonSet.YES_NO) !== ui.Button.YES) {
    tell_(ui, say_('eraseCancelled'));
    return 0;
  }
  const result = withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store;
    // Found again under the lock: rows may have moved since the question was asked.
    const erased = erase_(store.book, findPerson_(store.book, query), query, EDITOR.name, 'editor');
    logAccess_(store.book, EDITOR, 'erase person', 'people', erased, how);
    SpreadsheetApp.flush();
    return { ok: true, erased: erased };
  });
  if (!result.ok) return tell_(ui, result.reason ? say_(result.reason) : result.error);
  tell_(ui, say_('erased', { count: result.erased }));
  return result.erased;
}

/**
 * Erases sign-ups older than so many months, and the contact details left
 * with survey answers that old (the answers stay, anonymous).
 */
function eraseOlderThan(months) {
  const ui = ui_();
  if (typeof months !== 'number' && typeof months !== 'string') {
    if (!ui) return tell_(null, say_('noEditor'));
    months = ask_(ui, say_('askMonths'));
    if (months === null) return null;
  }
  const n = Number(String(months).trim());
  if (!(n >= 1 && Math.floor(n) === n)) return tell_(ui, say_('badMonths'));
  const result = withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store;
    return eraseOlder_(store.book, n, 'editor');
  });
  if (!result.ok) return tell_(ui, result.reason ? say_(result.reason) : result.error);
  tell_(ui, say_('erasedOld', { signups: result.signups, responses: result.responses, months: n }));
  return { signups: result.signups, responses: result.responses };
}

/** Erases, every night, what is older than so many months (0 stops it). */
function eraseOlderThanEveryDay(months) {
  const ui = ui_();
  if (typeof months !== 'number' && typeof months !== 'string') {
    if (!ui) return tell_(null, say_('noEditor'));
    months = ask_(ui, say_('askMonthsDaily'));
    if (months === null) return null;
  }
  const n = Number(String(months).trim());
  if (!(n >= 0 && Math.floor(n) === n)) return tell_(ui, say_('badMonths'));
  ScriptApp.getProjectTriggers()
    .filter((trigger) => trigger.getHandlerFunction() === 'runRetention')
    .forEach((trigger) => ScriptApp.deleteTrigger(trigger));
  const properties = PropertiesService.getScriptProperties();
  if (!n) {
    properties.deleteProperty('RETENTION_MONTHS');
    tell_(ui, say_('retentionOff'));
    return 0;
  }
  properties.setProperty('RETENTION_MONTHS', String(n));
  ScriptApp.newTrigger('runRetention').timeBased().everyDays(1).atHour(3).create();
  tell_(ui, say_('retentionOn', { months: n }));
  return n;
}

/** The nightly run that eraseOlderThanEveryDay() schedules. */
function runRetention() {
  const months = Number(PropertiesService.getScriptProperties().getProperty('RETENTION_MONTHS'));
  if (!(months >= 1)) return null;
  const result = withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store.problem;
    return eraseOlder_(store.book, months, 'nightly retention');
  });
  console.log('Archipel retention (' + months + ' months): ' + (result.ok ? result.signups + ' sign-ups and ' + result.responses + ' survey contacts erased.' : result.error));
  return result;
}

/** Call it holding the lock. */
function eraseOlder_(book, months, how) {
  const cutoff = new Date();
  cutoff.setMonth(cutoff.getMonth() - months);
  const old = (value) => {
    const t = timeOf_(value);
    return !isNaN(t) && t < cutoff.getTime();
  };
  let signups = 0;
  const signupSheet = findTab_(book, 'signups');
  if (signupSheet) {
    const values = signupSheet.getDataRange().getValues();
    const col = columnOf_(values[0] || [], 'created');
    for (let i = values.length - 1; i >= 1 && col >= 0; i--) {
      if (!old(values[i][col])) continue;
      signupSheet.deleteRow(i + 1);
      signups++;
    }
  }
  let responses = 0;
  const responseSheet = findTab_(book, 'responses');
  if (responseSheet) {
    const values = responseSheet.getDataRange().getValues();
    const col = columnOf_(values[0] || [], 'created');
    const contact = columnOf_(values[0] || [], 'contact');
    for (let i = 1; i < values.length && col >= 0 && contact >= 0; i++) {
      if (isBlank_(values[i][contact]) || !old(values[i][col])) continue;
      responseSheet.getRange(i + 1, contact + 1).setValue('');
      responses++;
    }
  }
  if (signups + responses) recordErasure_(book, EDITOR.name, how, signups + responses, '', '', 'older than ' + months + ' months');
  SpreadsheetApp.flush();
  return { ok: true, signups: signups, responses: responses };
}

/** The chapters' ids, or null when there is no chapters tab to check against. */
function chapterIds_() {
  const sheet = findSheet_('chapters');
  if (!sheet) return null;
  const table = readTable_(sheet);
  return publicItems_('chapters', table.headers, table.rows, Session.getScriptTimeZone())
    .map((item) => text_(item.id).toLowerCase())
    .filter((id) => id);
}

/** The spreadsheet open in front of someone, or null (a trigger, the web app, the editor without the spreadsheet open). */
function ui_() {
  try {
    return SpreadsheetApp.getUi();
  } catch (err) {
    return null;
  }
}

/** What the person typed, or null when they cancelled. */
function ask_(ui, question) {
  const answer = ui.prompt('Archipel', question, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : null;
}

/** Says something to the person at the keyboard, or in the execution log when nobody is. */
function tell_(ui, message) {
  if (ui) ui.alert('Archipel', message, ui.ButtonSet.OK);
  else console.log(message);
  return null;
}

function escapeHtml_(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function day_(value, tz) {
  const t = timeOf_(value);
  return isNaN(t) ? '?' : Utilities.formatDate(new Date(t), tz, 'yyyy-MM-dd');
}

/** A sentence in the spreadsheet's language (File → Settings → Locale): English, French or Spanish. */
function say_(key, values) {
  const locale = String(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale() || 'en').slice(0, 2).toLowerCase();
  const words = EDITOR_WORDS[locale] || EDITOR_WORDS.en;
  const text = words[key] || EDITOR_WORDS.en[key] || key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (values && hasOwn_(values, name) ? String(values[name]) : all));
}

/** What the campaign team reads in the spreadsheet's menu and dialogs. */
const EDITOR_WORDS = {
  en: {
    menu_setUp: 'Set up the private spreadsheet',
    menu_movePersonalData: 'Move personal data out of this sheet',
    menu_createToken: 'Create a token for someone',
    menu_revokeToken: 'Revoke a token',
    menu_listTokens: 'List tokens',
    menu_findPerson: 'Find a person',
    menu_exportPerson: 'Export a person’s data',
    menu_erasePerson: 'Erase a person',
    menu_eraseOlderThan: 'Erase old data now',
    menu_eraseOlderThanEveryDay: 'Erase old data every night',
    noEditor: 'Run this from the Archipel menu of the spreadsheet (reload the spreadsheet if you do not see the menu).',
    notSetUp: 'First set up the private spreadsheet: Archipel → Set up the private spreadsheet.',
    mustMove: 'First move the personal data out of this sheet: Archipel → Move personal data out of this sheet.',
    setUpDone: 'Done. The private spreadsheet is “{name}”:\n{url}\n\nIt holds sign-ups, survey answers, tokens and the access log. Never share it, and never publish it.',
    setUpAlready: 'Already set up. The private spreadsheet is “{name}”:\n{url}',
    setUpMove: 'This sheet still holds personal data ({tabs}). Next: Archipel → Move personal data out of this sheet.',
    moved: 'Moved into the private spreadsheet: {signups} sign-ups, {responses} survey answers, {posts} post consents, {blocked} blocked authors. Deleted from this sheet: {tabs}.\n\nThe private spreadsheet: {url}\n\nThis sheet’s version history (File → Version history) still shows the old rows to its editors, not to its readers.',
    moveNothing: 'Nothing to move: this sheet holds no personal data.',
    askName: 'The person’s name (the access log will show it):',
    askChapter: 'For a chapter lead: the id of their chapter (for example lyon). For campaign staff, who see everything: leave empty.',
    askDays: 'How many days will it work? (Empty: {days} days.)',
    badName: 'A name is needed, of 80 characters at most. No token was made.',
    badDays: 'Write a number of days from 1 to {max}. No token was made.',
    badChapter: 'No chapter has the id “{chapter}”. The chapters are: {known}. No token was made.',
    roleStaff: 'campaign staff',
    roleLead: 'lead of the chapter {chapter}',
    tokenMade: 'Token for {name} ({role}), working until {until}:\n\n{token}\n\nCopy it now and give it to {name} in private. It is shown only this once: Archipel keeps only a fingerprint of it.',
    tokenMadeNoUi: 'Token made for {name} ({role}), working until {until}. It was returned to the function that asked for it, and is written nowhere.',
    sharedGone: 'The old shared STAFF_TOKEN no longer works and was removed: from now on, everyone uses their own token.',
    askRevoke: 'Whose tokens should stop working now? Their name:',
    revoked: 'Tokens of {name} stopped working: {count}.',
    noSuchToken: 'No working token has the name “{name}”. Names with a working token: {names}.',
    tokenList: 'Tokens:\n{lines}',
    noTokens: 'No token has been made yet.',
    stateUntil: 'works until {day}',
    stateExpired: 'expired on {day}',
    stateRevoked: 'revoked on {day}',
    askPerson: 'The person’s email address or phone number:',
    badPerson: 'Write an email address or a phone number.',
    notFound: 'Nothing is held about this person.',
    found: 'Held about this person: {signups} sign-ups, {responses} survey answers, {posts} posts.\nWhere: {where} (tab and row in the private spreadsheet; posts in this sheet).',
    exported: 'Everything held about this person. Select it all, copy it and send it to them:',
    confirmErase: 'Erase everything held about this person ({count} records)? This cannot be undone.',
    eraseCancelled: 'Nothing was erased.',
    erased: 'Erased: {count} records. A note that the erasure happened was kept, without the data.',
    askMonths: 'Erase sign-ups, and the contact details left with survey answers, older than how many months?',
    askMonthsDaily: 'Every night, erase sign-ups and survey contact details older than how many months? (0 stops it.)',
    badMonths: 'Write a whole number of months, for example 24.',
    erasedOld: 'Erased {signups} sign-ups and the contact details of {responses} survey answers, all older than {months} months.',
    retentionOn: 'Every night, sign-ups and survey contact details older than {months} months will be erased. To stop it, run this again with 0.',
    retentionOff: 'Old data is no longer erased every night.',
    badMinutes: 'Collect every 5, 10, 15 or 30 minutes (0 stops it).',
    collectOff: 'Posts are no longer collected from Mastodon, Pixelfed and Bluesky.',
    collectNoSettings: 'Nothing to collect yet: in Project Settings → Script properties, add COLLECT_TAGS (your hashtags) and at least one of MASTODON, PIXELFED, BLUESKY (the address of a server), then run this again.',
    collectOn: 'Every {minutes} minutes, posts under {tags} on {sources} go into the posts tab, waiting for approval (trusted accounts are published at once). To stop it, run this again with 0.',
  },
  fr: {
    menu_setUp: 'Créer le classeur privé',
    menu_movePersonalData: 'Sortir les données personnelles de ce classeur',
    menu_createToken: 'Créer un jeton pour quelqu’un',
    menu_revokeToken: 'Révoquer un jeton',
    menu_listTokens: 'Voir les jetons',
    menu_findPerson: 'Trouver une personne',
    menu_exportPerson: 'Exporter les données d’une personne',
    menu_erasePerson: 'Effacer une personne',
    menu_eraseOlderThan: 'Effacer les anciennes données maintenant',
    menu_eraseOlderThanEveryDay: 'Effacer les anciennes données chaque nuit',
    noEditor: 'Lancez ceci depuis le menu Archipel du classeur (rechargez le classeur si vous ne voyez pas le menu).',
    notSetUp: 'Créez d’abord le classeur privé : Archipel → Créer le classeur privé.',
    mustMove: 'Sortez d’abord les données personnelles de ce classeur : Archipel → Sortir les données personnelles de ce classeur.',
    setUpDone: 'C’est fait. Le classeur privé s’appelle « {name} » :\n{url}\n\nIl contient les inscriptions, les réponses aux sondages, les jetons et le journal des accès. Ne le partagez jamais et ne le publiez jamais.',
    setUpAlready: 'Déjà fait. Le classeur privé s’appelle « {name} » :\n{url}',
    setUpMove: 'Ce classeur contient encore des données personnelles ({tabs}). Étape suivante : Archipel → Sortir les données personnelles de ce classeur.',
    moved: 'Déplacé dans le classeur privé : {signups} inscriptions, {responses} réponses aux sondages, {posts} consentements de messages, {blocked} auteurs bloqués. Supprimé de ce classeur : {tabs}.\n\nLe classeur privé : {url}\n\nL’historique des versions de ce classeur (Fichier → Historique des versions) montre encore les anciennes lignes à ses éditeurs, pas à ses lecteurs.',
    moveNothing: 'Rien à déplacer : ce classeur ne contient pas de données personnelles.',
    askName: 'Le nom de la personne (le journal des accès l’affichera) :',
    askChapter: 'Pour un ou une responsable de groupe : l’identifiant du groupe (par exemple lyon). Pour l’équipe de campagne, qui voit tout : laissez vide.',
    askDays: 'Pendant combien de jours fonctionnera-t-il ? (Vide : {days} jours.)',
    badName: 'Il faut un nom, de 80 caractères au plus. Aucun jeton n’a été créé.',
    badDays: 'Écrivez un nombre de jours entre 1 et {max}. Aucun jeton n’a été créé.',
    badChapter: 'Aucun groupe n’a l’identifiant « {chapter} ». Les groupes sont : {known}. Aucun jeton n’a été créé.',
    roleStaff: 'équipe de campagne',
    roleLead: 'responsable du groupe {chapter}',
    tokenMade: 'Jeton pour {name} ({role}), valable jusqu’au {until} :\n\n{token}\n\nCopiez-le maintenant et donnez-le à {name} en privé. Il n’est montré que cette fois : Archipel n’en garde qu’une empreinte.',
    tokenMadeNoUi: 'Jeton créé pour {name} ({role}), valable jusqu’au {until}. Il a été rendu à la fonction qui l’a demandé et n’est écrit nulle part.',
    sharedGone: 'L’ancien jeton partagé STAFF_TOKEN ne fonctionne plus et a été supprimé : désormais, chacun utilise son propre jeton.',
    askRevoke: 'Quels jetons doivent cesser de fonctionner maintenant ? Le nom de la personne :',
    revoked: 'Jetons de {name} désactivés : {count}.',
    noSuchToken: 'Aucun jeton valable ne porte le nom « {name} ». Noms avec un jeton valable : {names}.',
    tokenList: 'Jetons :\n{lines}',
    noTokens: 'Aucun jeton n’a encore été créé.',
    stateUntil: 'valable jusqu’au {day}',
    stateExpired: 'expiré le {day}',
    stateRevoked: 'révoqué le {day}',
    askPerson: 'L’adresse e-mail ou le numéro de téléphone de la personne :',
    badPerson: 'Écrivez une adresse e-mail ou un numéro de téléphone.',
    notFound: 'Aucune donnée n’est conservée sur cette personne.',
    found: 'Conservé sur cette personne : {signups} inscriptions, {responses} réponses aux sondages, {posts} messages.\nOù : {where} (onglet et ligne du classeur privé ; les messages sont dans ce classeur).',
    exported: 'Tout ce qui est conservé sur cette personne. Sélectionnez tout, copiez et envoyez-le-lui :',
    confirmErase: 'Effacer tout ce qui est conservé sur cette personne ({count} enregistrements) ? C’est définitif.',
    eraseCancelled: 'Rien n’a été effacé.',
    erased: 'Effacé : {count} enregistrements. Une trace de l’effacement a été gardée, sans les données.',
    askMonths: 'Effacer les inscriptions, et les coordonnées laissées avec les réponses aux sondages, de plus de combien de mois ?',
    askMonthsDaily: 'Chaque nuit, effacer les inscriptions et les coordonnées des sondages de plus de combien de mois ? (0 pour arrêter.)',
    badMonths: 'Écrivez un nombre entier de mois, par exemple 24.',
    erasedOld: 'Effacé : {signups} inscriptions et les coordonnées de {responses} réponses aux sondages, toutes de plus de {months} mois.',
    retentionOn: 'Chaque nuit, les inscriptions et les coordonnées des sondages de plus de {months} mois seront effacées. Pour arrêter, relancez ceci avec 0.',
    retentionOff: 'Les anciennes données ne sont plus effacées chaque nuit.',
    badMinutes: 'Collectez toutes les 5, 10, 15 ou 30 minutes (0 arrête la collecte).',
    collectOff: 'Les messages ne sont plus collectés sur Mastodon, Pixelfed et Bluesky.',
    collectNoSettings: 'Rien à collecter pour l’instant : dans Paramètres du projet → Propriétés du script, ajoutez COLLECT_TAGS (vos hashtags) et au moins une des propriétés MASTODON, PIXELFED, BLUESKY (l’adresse d’un serveur), puis relancez ceci.',
    collectOn: 'Toutes les {minutes} minutes, les messages sous {tags} sur {sources} arrivent dans l’onglet posts, en attente de validation (les comptes de confiance sont publiés tout de suite). Pour arrêter, relancez ceci avec 0.',
  },
  es: {
    menu_setUp: 'Crear la hoja privada',
    menu_movePersonalData: 'Sacar los datos personales de esta hoja',
    menu_createToken: 'Crear una clave para alguien',
    menu_revokeToken: 'Revocar una clave',
    menu_listTokens: 'Ver las claves',
    menu_findPerson: 'Buscar a una persona',
    menu_exportPerson: 'Exportar los datos de una persona',
    menu_erasePerson: 'Borrar a una persona',
    menu_eraseOlderThan: 'Borrar los datos antiguos ahora',
    menu_eraseOlderThanEveryDay: 'Borrar los datos antiguos cada noche',
    noEditor: 'Ejecute esto desde el menú Archipel de la hoja (vuelva a cargar la hoja si no ve el menú).',
    notSetUp: 'Primero cree la hoja privada: Archipel → Crear la hoja privada.',
    mustMove: 'Primero saque los datos personales de esta hoja: Archipel → Sacar los datos personales de esta hoja.',
    setUpDone: 'Hecho. La hoja privada se llama «{name}»:\n{url}\n\nGuarda las inscripciones, las respuestas a las encuestas, las claves y el registro de accesos. No la comparta ni la publique nunca.',
    setUpAlready: 'Ya estaba hecho. La hoja privada se llama «{name}»:\n{url}',
    setUpMove: 'Esta hoja todavía tiene datos personales ({tabs}). Siguiente paso: Archipel → Sacar los datos personales de esta hoja.',
    moved: 'Movido a la hoja privada: {signups} inscripciones, {responses} respuestas a encuestas, {posts} consentimientos de publicaciones, {blocked} autores bloqueados. Borrado de esta hoja: {tabs}.\n\nLa hoja privada: {url}\n\nEl historial de versiones de esta hoja (Archivo → Historial de versiones) todavía muestra las filas antiguas a sus editores, no a sus lectores.',
    moveNothing: 'Nada que mover: esta hoja no tiene datos personales.',
    askName: 'El nombre de la persona (el registro de accesos lo mostrará):',
    askChapter: 'Para una persona responsable de grupo: el identificador de su grupo (por ejemplo lyon). Para el equipo de campaña, que lo ve todo: déjelo vacío.',
    askDays: '¿Cuántos días funcionará? (Vacío: {days} días.)',
    badName: 'Hace falta un nombre, de 80 caracteres como máximo. No se creó ninguna clave.',
    badDays: 'Escriba un número de días entre 1 y {max}. No se creó ninguna clave.',
    badChapter: 'Ningún grupo tiene el identificador «{chapter}». Los grupos son: {known}. No se creó ninguna clave.',
    roleStaff: 'equipo de campaña',
    roleLead: 'responsable del grupo {chapter}',
    tokenMade: 'Clave para {name} ({role}), válida hasta el {until}:\n\n{token}\n\nCópiela ahora y entréguela a {name} en privado. Solo se muestra esta vez: Archipel guarda únicamente una huella.',
    tokenMadeNoUi: 'Clave creada para {name} ({role}), válida hasta el {until}. Se devolvió a la función que la pidió y no está escrita en ningún sitio.',
    sharedGone: 'La antigua clave compartida STAFF_TOKEN ya no funciona y se eliminó: a partir de ahora, cada persona usa su propia clave.',
    askRevoke: '¿Qué claves deben dejar de funcionar ahora? El nombre de la persona:',
    revoked: 'Claves de {name} desactivadas: {count}.',
    noSuchToken: 'Ninguna clave válida tiene el nombre «{name}». Nombres con una clave válida: {names}.',
    tokenList: 'Claves:\n{lines}',
    noTokens: 'Todavía no se ha creado ninguna clave.',
    stateUntil: 'válida hasta el {day}',
    stateExpired: 'caducó el {day}',
    stateRevoked: 'revocada el {day}',
    askPerson: 'El correo electrónico o el teléfono de la persona:',
    badPerson: 'Escriba un correo electrónico o un número de teléfono.',
    notFound: 'No se guarda nada sobre esta persona.',
    found: 'Guardado sobre esta persona: {signups} inscripciones, {responses} respuestas a encuestas, {posts} publicaciones.\nDónde: {where} (pestaña y fila de la hoja privada; las publicaciones están en esta hoja).',
    exported: 'Todo lo que se guarda sobre esta persona. Selecciónelo todo, cópielo y envíeselo:',
    confirmErase: '¿Borrar todo lo que se guarda sobre esta persona ({count} registros)? No se puede deshacer.',
    eraseCancelled: 'No se borró nada.',
    erased: 'Borrado: {count} registros. Se guardó constancia del borrado, sin los datos.',
    askMonths: '¿Borrar las inscripciones, y los datos de contacto dejados con las respuestas a encuestas, de más de cuántos meses?',
    askMonthsDaily: 'Cada noche, ¿borrar las inscripciones y los datos de contacto de encuestas de más de cuántos meses? (0 para parar.)',
    badMonths: 'Escriba un número entero de meses, por ejemplo 24.',
    erasedOld: 'Borrado: {signups} inscripciones y los datos de contacto de {responses} respuestas a encuestas, todos de más de {months} meses.',
    retentionOn: 'Cada noche se borrarán las inscripciones y los datos de contacto de encuestas de más de {months} meses. Para parar, vuelva a ejecutar esto con 0.',
    retentionOff: 'Los datos antiguos ya no se borran cada noche.',
    badMinutes: 'Recoja cada 5, 10, 15 o 30 minutos (0 lo detiene).',
    collectOff: 'Ya no se recogen publicaciones de Mastodon, Pixelfed y Bluesky.',
    collectNoSettings: 'Nada que recoger todavía: en Configuración del proyecto → Propiedades de la secuencia de comandos, añada COLLECT_TAGS (sus hashtags) y al menos una de MASTODON, PIXELFED, BLUESKY (la dirección de un servidor), y vuelva a ejecutar esto.',
    collectOn: 'Cada {minutes} minutos, las publicaciones con {tags} en {sources} llegan a la pestaña posts, a la espera de aprobación (las cuentas de confianza se publican enseguida). Para parar, vuelva a ejecutar esto con 0.',
  },
};

// ----------------------------------------------------------------- the sheets

/**
 * Runs `work` holding the script lock, so that two people signing up at the
 * same second cannot both see an id as new, nor write into the same row.
 */
function withLock_(work) {
  const lock = LockService.getScriptLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch (err) {
    return fail_(503, 'The sheet is busy; try again in a moment.');
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** The public sheet's tab of that name; "Actions" or " actions" will do when nobody wrote "actions". */
function findSheet_(name) {
  return findTab_(SpreadsheetApp.getActiveSpreadsheet(), name);
}

function findTab_(book, name) {
  const exact = book.getSheetByName(name);
  if (exact) return exact;
  const wanted = normalise_(name);
  return book.getSheets().filter((sheet) => normalise_(sheet.getName()) === wanted)[0] || null;
}

function noTab_(name) {
  return 'No tab named "' + name + '" in this spreadsheet. Add a tab named ' + name + ' with the headers of the template.';
}

/** The tab to write to, created with its header row the first time. Call it holding the lock. */
function tabForWriting_(book, name, headers) {
  const existing = findTab_(book, name);
  if (existing) return existing;
  const sheet = book.insertSheet(name);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  sheet.setFrozenRows(1);
  return sheet;
}

function publicTabForWriting_(name, headers) {
  return tabForWriting_(SpreadsheetApp.getActiveSpreadsheet(), name, headers);
}

/**
 * The 0-based column of each field, found by header whatever the order or
 * language of the columns; a column that is missing is added at the end, so
 * an older tab keeps working. Call it holding the lock.
 */
function columnsFor_(sheet, fields) {
  const width = sheet.getLastColumn();
  const headers = width ? sheet.getRange(1, 1, 1, width).getValues()[0].map((h) => String(h)) : [];
  const columns = {};
  fields.forEach((field) => {
    let col = columnOf_(headers, field);
    if (col < 0) {
      headers.push(field);
      col = headers.length - 1;
      sheet.getRange(1, col + 1).setValue(field);
    }
    columns[field] = col;
  });
  return columns;
}

/** The 1-based row holding that id, or -1. */
function rowNumberOfId_(sheet, idColumn, id) {
  const last = sheet.getLastRow();
  if (last < 2) return -1;
  const ids = sheet.getRange(2, idColumn + 1, last - 1, 1).getValues();
  for (let i = 0; i < ids.length; i++) {
    if (text_(ids[i][0]) === id) return i + 2;
  }
  return -1;
}

/** The 0-based column of a field by its name or one of its aliases, or -1. */
function columnOf_(headers, field) {
  const names = [normalise_(field)].concat(ALIASES[field] || []);
  const normalised = headers.map(normalise_);
  for (let n = 0; n < names.length; n++) {
    const i = normalised.indexOf(names[n]);
    if (i >= 0) return i;
  }
  return -1;
}

// --------------------------------------------------------------------- values

/** "Date de début" → "datededebut": no case, accents, spaces or punctuation, as core's normaliseHeader(). */
function normalise_(value) {
  return String(value === undefined || value === null ? '' : value)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A status as STATUS_WORDS holds it: like normalise_(), but letters of any script are kept (Arabic's too). */
function statusKey_(value) {
  return String(value === undefined || value === null ? '' : value)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function canonicalStatus_(value) {
  const word = statusKey_(value);
  const statuses = Object.keys(STATUS_WORDS);
  for (let i = 0; i < statuses.length; i++) {
    if (STATUS_WORDS[statuses[i]].indexOf(word) >= 0) return statuses[i];
  }
  return word;
}

/** A cell of options, "a | b | c". */
function splitOptions_(value) {
  return String(value).split('|').map((o) => o.trim()).filter((o) => o);
}

function text_(value) {
  return value === undefined || value === null ? '' : String(value).trim();
}

function trimmed_(value) {
  return typeof value === 'string' ? value.trim() : value;
}

function isBlank_(value) {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function isObject_(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function hasOwn_(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Works for dates from the sheet whichever JavaScript realm made them. */
function isDate_(value) {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function dropEmpty_(object) {
  Object.keys(object).forEach((key) => {
    const value = object[key];
    if (isBlank_(value) || (Array.isArray(value) && !value.length && key !== 'questions')) delete object[key];
  });
  return object;
}

// ---------------------------------------------------- hosting and joining actions

/**
 * Hosting and joining actions (#22), as the reference server's routes/hosting.ts does them. A proposed action
 * waits in the private spreadsheet's proposals tab, with its proposer's contact, until its chapter's lead or staff
 * approve it (action "approve-action"); sent with a lead's token for that chapter (or staff's), it is published at
 * once. Publishing writes only the action's public fields into the public actions tab. RSVPs go to the private rsvps
 * tab, one per person and action; public reads of actions carry only how many are going.
 */
const HOSTING_TABS = {
  proposals: ['id', 'created', 'status', 'chapter', 'title', 'type', 'start', 'end', 'timezone', 'city', 'proposer_name', 'proposer_email', 'proposer_phone', 'consent', 'locale', 'record', 'body_hash'],
  rsvps: ['id', 'created', 'action', 'chapter', 'name', 'email', 'phone', 'contact_key', 'consent', 'locale', 'body_hash'],
};
/** The fields of a proposal that become the public action: core's ActionSchema fields a proposal has. */
const PROPOSED_ACTION_FIELDS = ['id', 'title', 'type', 'description', 'start', 'end', 'timezone', 'venue', 'address', 'city', 'postcode', 'country', 'lat', 'lng', 'virtual', 'url', 'chapter', 'capacity'];
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const SLUG_PATTERN = /^[\p{L}\p{N}_.:-]{1,64}$/u;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?[\d\s().-]{6,24}$/;
/** What the server says when a proposal names no place (routes/hosting.ts PLACE_NEEDED). */
const PLACE_NEEDED = 'give a place (a town or a point on the map), or say it is online with its link';

/** A proposal or an RSVP sent as {collection, record, meta, token?}. */
function writeHosting_(request) {
  const collection = text_(request.collection);
  const record = request.record;
  if (!isObject_(record)) return fail_(422, 'record is missing: send the record to store as {"record": {...}}.');
  const problems = collection === 'proposals' ? proposalProblems_(record) : rsvpProblems_(record);
  if (problems.length) return invalid_(problems);
  return withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store.problem;
    // A token is checked only when one is sent: anyone may propose or come, staff skip the spam checks.
    const who = isBlank_(request.token) ? null : access_(store.book, request.token);
    if (who && who.problem) return who.problem;
    const spam = who ? null : checkMeta_(request.meta);
    if (spam) return fail_(422, spam);
    return collection === 'proposals' ? storeProposal_(store.book, record, who) : storeRsvp_(store.book, record);
  });
}

/** Refused with every field's problem, as the server's 422: "field: reason; field: reason". */
function invalid_(problems) {
  return Object.assign(fail_(422, problems.map((p) => p.field + ': ' + p.message).join('; ')), { errors: problems });
}

function textProblem_(problems, record, field, max, required) {
  const value = record[field];
  if (value === undefined || value === null || (required && typeof value === 'string' && !value.trim())) {
    if (required) problems.push({ field: field, message: 'is missing' });
    return;
  }
  if (typeof value !== 'string') problems.push({ field: field, message: 'should be a text' });
  else if (value.length > max) problems.push({ field: field, message: 'is longer than ' + max + ' characters' });
}

function contactProblems_(problems, who, prefix) {
  if (!isBlank_(who.email) && !EMAIL_PATTERN.test(String(who.email).trim())) problems.push({ field: prefix + 'email', message: 'is not an email address' });
  if (!isBlank_(who.phone) && !PHONE_PATTERN.test(String(who.phone).trim())) problems.push({ field: prefix + 'phone', message: 'is not a phone number' });
  if (isBlank_(who.email) && isBlank_(who.phone)) problems.push({ field: prefix + 'email', message: 'an email address or a phone number is needed' });
}

function commonProblems_(problems, record) {
  if (typeof record.id !== 'string' || !ID_PATTERN.test(record.id)) problems.push({ field: 'id', message: 'should be 8 to 64 letters, digits, "-" or "_"' });
  if (!Array.isArray(record.consent) || !record.consent.length || !record.consent.every(isConsent_)) problems.push({ field: 'consent', message: 'is missing: the person must tick the consent box' });
  textProblem_(problems, record, 'locale', 16, false);
}

function isTimeZone_(value) {
  if (typeof value !== 'string' || !value) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch (err) {
    return false;
  }
}

function numberProblem_(problems, record, field, min, max, whole) {
  const value = record[field];
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || isNaN(value)) problems.push({ field: field, message: 'should be a number' });
  else if (whole && Math.floor(value) !== value) problems.push({ field: field, message: 'should be a whole number' });
  else if (value < min) problems.push({ field: field, message: 'should be at least ' + min });
  else if (value > max) problems.push({ field: field, message: 'should be at most ' + max });
}

/** What is wrong with a proposed action, field by field, in the words of core's ProposalSchema as the server says them. */
function proposalProblems_(record) {
  const problems = [];
  commonProblems_(problems, record);
  textProblem_(problems, record, 'title', 200, true);
  [['type', 40], ['description', 4000], ['venue', 200], ['address', 300], ['city', 120], ['postcode', 16]].forEach((f) => textProblem_(problems, record, f[0], f[1], false));
  ['start', 'end'].forEach((field) => {
    const value = record[field];
    if (value === undefined && field === 'end') return;
    if (value === undefined || value === null || value === '') problems.push({ field: field, message: 'is missing' });
    else if (typeof value !== 'string' || !INSTANT_PATTERN.test(value) || isNaN(Date.parse(value))) problems.push({ field: field, message: '"' + String(value).slice(0, 60) + '" is not a date (write 2026-12-12 14:00)' });
  });
  if (typeof record.end === 'string' && Date.parse(record.end) < Date.parse(record.start)) problems.push({ field: 'end', message: 'comes before start' });
  if (record.timezone === undefined) problems.push({ field: 'timezone', message: 'is missing' });
  else if (!isTimeZone_(record.timezone)) problems.push({ field: 'timezone', message: 'is not a time zone name such as Europe/Paris' });
  if (record.country !== undefined && !/^[A-Z]{2}$/.test(String(record.country))) problems.push({ field: 'country', message: 'should be a two-letter country code such as FR' });
  numberProblem_(problems, record, 'lat', -90, 90, false);
  numberProblem_(problems, record, 'lng', -180, 180, false);
  numberProblem_(problems, record, 'capacity', 1, 100000, true);
  if (record.virtual !== undefined && typeof record.virtual !== 'boolean') problems.push({ field: 'virtual', message: 'should be yes or no' });
  if (record.url !== undefined && !/^https?:\/\/[^\s"<>]+$/.test(String(record.url))) problems.push({ field: 'url', message: '"' + String(record.url).slice(0, 60) + '" is not a web address' });
  if (record.chapter !== undefined && !SLUG_PATTERN.test(String(record.chapter))) problems.push({ field: 'chapter', message: 'may only hold letters, digits, "-", "_", "." and ":"' });
  const proposer = record.proposer;
  if (!isObject_(proposer)) {
    problems.push({ field: 'proposer', message: 'is missing' });
  } else {
    const named = [];
    textProblem_(named, proposer, 'name', 120, true);
    named.forEach((p) => problems.push({ field: 'proposer.' + p.field, message: p.message }));
    contactProblems_(problems, proposer, 'proposer.');
  }
  const placed = (typeof record.lat === 'number' && typeof record.lng === 'number') || text_(record.city) || text_(record.address) || (record.virtual === true && text_(record.url));
  if (!placed) problems.push({ field: 'place', message: PLACE_NEEDED });
  return problems;
}

/** What is wrong with an RSVP, as core's RsvpSchema says it. */
function rsvpProblems_(record) {
  const problems = [];
  commonProblems_(problems, record);
  if (typeof record.action !== 'string' || !SLUG_PATTERN.test(record.action)) problems.push({ field: 'action', message: record.action === undefined ? 'is missing' : 'may only hold letters, digits, "-", "_", "." and ":"' });
  textProblem_(problems, record, 'name', 120, true);
  contactProblems_(problems, record, '');
  return problems;
}

/** A private tab's row holding that id as {rowNumber, columns, sheet}; rowNumber -1 when none. */
function hostingRow_(book, tab, id) {
  const sheet = tabForWriting_(book, tab, HOSTING_TABS[tab]);
  const columns = columnsFor_(sheet, HOSTING_TABS[tab]);
  return { sheet: sheet, columns: columns, rowNumber: rowNumberOfId_(sheet, columns.id, id) };
}

/** Whether this token's holder decides about a chapter's actions: its lead, or campaign staff. */
function decides_(who, chapter) {
  return Boolean(who && (!who.chapter || who.chapter === text_(chapter).toLowerCase()));
}

function storeProposal_(book, record, who) {
  const chapter = text_(record.chapter).toLowerCase();
  if (chapter && !publicAction_('chapters', chapter)) {
    return Object.assign(fail_(422, 'chapter: there is no chapter "' + chapter + '"'), { errors: [{ field: 'chapter', message: 'there is no chapter "' + chapter + '"' }] });
  }
  const bodyHash = fingerprint_(JSON.stringify(record));
  const found = hostingRow_(book, 'proposals', record.id);
  if (found.rowNumber > 0) {
    const cell = (field) => found.sheet.getRange(found.rowNumber, found.columns[field] + 1).getValue();
    if (text_(cell('body_hash')) !== bodyHash) {
      return fail_(409, 'A different proposal was already stored with the id "' + record.id + '". Send a new one with a new id.');
    }
    return { ok: true, id: record.id, status: text_(cell('status')) };
  }
  const status = decides_(who, chapter) ? 'approved' : 'pending';
  const proposer = record.proposer;
  const fields = HOSTING_TABS.proposals;
  appendRecord_(found.sheet, found.columns, fields, Object.assign({}, record, {
    created: createdOf_(record),
    status: status,
    chapter: chapter,
    proposer_name: proposer.name,
    proposer_email: proposer.email,
    proposer_phone: proposer.phone,
    record: JSON.stringify(record),
    body_hash: bodyHash,
  }));
  if (status === 'approved') {
    publishAction_(record);
    logAccess_(book, who, 'publish', 'actions', 1, 'action ' + record.id);
  }
  SpreadsheetApp.flush();
  return { ok: true, id: record.id, status: status };
}

/** The proposal's public fields as a new row of the public actions tab, in the columns the widgets read them from. */
function publishAction_(record) {
  const sheet = publicTabForWriting_('actions', PROPOSED_ACTION_FIELDS);
  const lookup = publicLookup_('actions');
  const width = sheet.getLastColumn();
  const headers = width ? sheet.getRange(1, 1, 1, width).getValues()[0].map((h) => String(h)) : [];
  const columns = {};
  PROPOSED_ACTION_FIELDS.forEach((field) => {
    let col = -1;
    for (let i = 0; i < headers.length && col < 0; i++) if (lookup[normalise_(headers[i])] === field) col = i;
    if (col < 0) {
      headers.push(field);
      col = headers.length - 1;
      sheet.getRange(1, col + 1).setValue(field);
    }
    columns[field] = col;
  });
  if (rowNumberOfId_(sheet, columns.id, record.id) > 0) return;
  const values = Object.assign({}, record, { chapter: text_(record.chapter).toLowerCase() });
  appendRecord_(sheet, columns, PROPOSED_ACTION_FIELDS.filter((f) => values[f] !== undefined), values);
}

/** One public record of the public sheet by id (an action, a chapter), or null. */
function publicAction_(collection, id) {
  const sheet = findSheet_(collection);
  if (!sheet) return null;
  const table = readTable_(sheet);
  return publicItems_(collection, table.headers, table.rows, Session.getScriptTimeZone()).filter((item) => text_(item.id).toLowerCase() === text_(id).toLowerCase())[0] || null;
}

/** A lead (of that chapter) or staff approves a proposed action: it goes on the map. {action: "approve-action", token, id} */
function approveAction_(request) {
  return decideProposal_(request, 'approved');
}

/** A lead or staff refuses a proposed action: it stays in the private tab, marked refused, and never goes public. */
function refuseAction_(request) {
  return decideProposal_(request, 'refused');
}

function decideProposal_(request, status) {
  const id = text_(request.id);
  if (!id) return fail_(422, 'id is missing: say which proposed action, as {"id": "…"}.');
  return withLock_(() => {
    const store = privateStore_();
    if (store.problem) return store.problem;
    const who = access_(store.book, request.token);
    if (who.problem) return who.problem;
    const found = hostingRow_(store.book, 'proposals', id);
    if (found.rowNumber < 0) return fail_(404, 'There is no proposed action "' + id + '".');
    const cell = (field) => found.sheet.getRange(found.rowNumber, found.columns[field] + 1);
    const chapter = text_(cell('chapter').getValue()).toLowerCase();
    if (!decides_(who, chapter)) {
      logAccess_(store.book, who, 'refused', 'proposals', 0, status + ' ' + id + ', of another chapter');
      return fail_(403, 'This token is for the chapter "' + who.chapter + '"; this action is proposed to ' + (chapter ? '"' + chapter + '"' : 'the campaign') + '.');
    }
    const was = text_(cell('status').getValue());
    if (status === 'refused' && was === 'approved') {
      return fail_(409, 'The action "' + id + '" is already on the map; change or remove it in the actions tab.');
    }
    cell('status').setValue(status);
    if (status === 'approved') publishAction_(JSON.parse(text_(cell('record').getValue())));
    logAccess_(store.book, who, status === 'approved' ? 'publish' : 'refuse', 'actions', 1, 'action ' + id);
    SpreadsheetApp.flush();
    return status === 'approved' ? { ok: true, action: publicAction_('actions', id) } : { ok: true, id: id, status: status };
  });
}

/** Who an RSVP is, for counting each person once per action: their email, else their phone's digits (core's rsvpContactKey). */
function rsvpContactKey_(r) {
  return text_(r.email) ? text_(r.email).toLowerCase() : text_(r.phone).replace(/[^\d+]/g, '');
}

/** An RSVP: stored once per id and once per person and action; refused "full" once the places are taken. */
function storeRsvp_(book, record) {
  const action = publicAction_('actions', record.action);
  if (!action) return fail_(404, 'There is no action "' + record.action + '".');
  const capacity = typeof action.capacity === 'number' ? action.capacity : Number(action.capacity) || 0;
  const found = hostingRow_(book, 'rsvps', record.id);
  const table = readTable_(found.sheet);
  const col = found.columns;
  const ofAction = table.rows.filter((row) => text_(row[col.action]) === record.action);
  const key = rsvpContactKey_(record);
  const receipt = (id, going) => Object.assign({ ok: true, id: id, status: 'going', going: going }, capacity ? { capacity: capacity } : {});
  if (found.rowNumber > 0) {
    const row = found.sheet.getRange(found.rowNumber, 1, 1, found.sheet.getLastColumn()).getValues()[0];
    if (text_(row[col.body_hash]) !== fingerprint_(JSON.stringify(record))) {
      return fail_(409, 'A different answer was already stored with the id "' + record.id + '". Send it again with a new id.');
    }
    return receipt(record.id, ofAction.length);
  }
  const same = ofAction.filter((row) => text_(row[col.contact_key]) === key)[0];
  if (same) return receipt(text_(same[col.id]), ofAction.length);
  if (capacity && ofAction.length >= capacity) {
    return Object.assign(fail_(409, 'This action is full: its ' + capacity + ' places are taken.'), { problem: 'full', going: ofAction.length, capacity: capacity, errors: [{ field: 'action', problem: 'full', message: 'this action is full' }] });
  }
  appendRecord_(found.sheet, col, HOSTING_TABS.rsvps, Object.assign({}, record, {
    created: createdOf_(record),
    chapter: text_(action.chapter).toLowerCase(),
    contact_key: key,
    body_hash: fingerprint_(JSON.stringify(record)),
  }));
  SpreadsheetApp.flush();
  return receipt(record.id, ofAction.length + 1);
}

/** Public actions with how many people are going: a count, never who. */
function withGoing_(items) {
  const book = privateBookIfAny_();
  const sheet = book ? findTab_(book, 'rsvps') : null;
  if (!sheet) return items;
  const table = readTable_(sheet);
  const col = columnOf_(table.headers, 'action');
  if (col < 0) return items;
  const going = Object.create(null);
  table.rows.forEach((row) => {
    const id = text_(row[col]);
    going[id] = (going[id] || 0) + 1;
  });
  items.forEach((item) => {
    if (going[text_(item.id)]) item.going = going[text_(item.id)];
  });
  return items;
}
