/**
 * Archipel — the web app of a campaign's Google Sheet.
 *
 * Paste this file into Extensions → Apps Script of the campaign's sheet, set
 * the Script Property STAFF_TOKEN, then Deploy → New deployment → Web app
 * ("Execute as: me", "Who has access: Anyone"). The /exec address it gives is
 * the `source` of the widgets. packages/apps-script/README.md walks through it.
 *
 * Reads:  GET  <exec>?collection=actions|chapters|posts|surveys[&chapter=][&since=]
 *         GET  <exec>?collection=signups|responses|moderation&token=<staff token>
 * Writes: POST <exec>, body text/plain holding JSON:
 *         {"collection": "signups"|"posts"|"responses", "record": {...}, "meta": {"hp": "", "elapsed": 5234}}
 *         {"action": "moderate", "id": "...", "moderation": "approve"|"hide"|"pin"|"unpin"|"block-author", "token": "..."}
 *
 * Public reads serve each collection's public fields only (PUBLIC_FIELDS), by field name.
 *
 * Every answer is JSON: {"ok": true, ...} or {"ok": false, "status": 4xx/5xx, "error": "..."}.
 * A web app always answers HTTP 200, so the status travels inside the answer.
 *
 * Helpers end in "_": Apps Script then keeps them out of the Run menu and out
 * of reach of the outside world; only doGet and doPost are public.
 */

/**
 * What anyone may read of each public collection: the fields of core's public schemas
 * (packages/core/src/contract.ts: Action, Chapter, Post, Survey), in their order. A column that is
 * not one of these (a leader's phone, private notes, a consent record) never leaves through a read.
 * tests/apps-script checks these lists against those schemas, so that they cannot drift apart.
 */
const PUBLIC_FIELDS = {
  actions: ['id', 'title', 'type', 'description', 'start', 'end', 'timezone', 'venue', 'address', 'city', 'postcode', 'country', 'lat', 'lng', 'virtual', 'url', 'chapter', 'priority', 'image', 'host'],
  chapters: ['id', 'name', 'slogan', 'description', 'city', 'region', 'country', 'postcode', 'lat', 'lng', 'logo', 'color', 'accent', 'website', 'email', 'links', 'leaders'],
  posts: ['id', 'author', 'text', 'image', 'video', 'link', 'hashtags', 'chapter', 'created', 'status', 'pinned', 'source'],
  surveys: ['id', 'title', 'intro', 'public_results', 'questions'],
};
/** A chapter's leaders as anyone may read them (core's PublicLeaderSchema): their emails are for staff. */
const PUBLIC_LEADER_FIELDS = ['name', 'role', 'pronouns'];
/** A survey's questions (core's QuestionSchema). */
const PUBLIC_QUESTION_FIELDS = ['id', 'type', 'label', 'options', 'min', 'max', 'required', 'readiness'];

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

/** The tabs Archipel writes to, with the columns it creates them with. */
const WRITE_TABS = {
  signups: ['id', 'created', 'name', 'email', 'phone', 'postcode', 'chapter', 'interests', 'message', 'consent', 'locale', 'referrer', 'ref', 'utm', 'page'],
  posts: ['id', 'created', 'author', 'text', 'image', 'video', 'link', 'hashtags', 'chapter', 'status', 'pinned', 'source', 'consent'],
  responses: ['id', 'created', 'survey', 'chapter', 'postcode', 'region', 'answers', 'contact', 'locale'],
};

const STAFF_COLLECTIONS = ['signups', 'responses', 'moderation'];
const MODERATIONS = ['approve', 'hide', 'pin', 'unpin', 'block-author'];
const BLOCKED_TAB = 'blocked';

/** Must match the browser's client ids: they are the key that makes a retry harmless. */
const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** Nobody fills in a form in under 1.5 s; scripts do. */
const MIN_ELAPSED_MS = 1500;
/** The reference server's limit too; it also keeps every cell under the Sheets limit of 50,000 characters. */
const MAX_BODY_CHARS = 32 * 1024;
const LOCK_WAIT_MS = 10000;
const ISO_PATTERN = "yyyy-MM-dd'T'HH:mm:ssXXX";

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
};

/**
 * What people write in a post's status column, by meaning, wherever the script reads a status (the
 * wall, the moderation queue and its filter). An empty status is a post nobody has looked at yet.
 */
const STATUS_WORDS = {
  approved: ['approved', 'approuve', 'approuvee', 'aprobado', 'aprobada', 'publie', 'publiee', 'published', 'yes', 'oui', 'si'],
  hidden: ['hidden', 'hide', 'masque', 'masquee', 'cache', 'cachee', 'oculto', 'oculta', 'rejected', 'rejete', 'rechazado', 'no', 'non'],
  pending: ['pending', 'enattente', 'attente', 'pendiente', ''],
};

// ---------------------------------------------------------------- entry points

function doGet(e) {
  return respond_(() => read_((e && e.parameter) || {}));
}

function doPost(e) {
  return respond_(() => write_(e));
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

// ----------------------------------------------------------------------- reads

function read_(params) {
  const collection = text_(params.collection).toLowerCase();
  if (!collection) {
    return fail_(400, 'This Archipel web app is running. Ask it for a collection, e.g. ?collection=actions (or chapters, posts, surveys).');
  }
  const staff = STAFF_COLLECTIONS.indexOf(collection) >= 0;
  if (!staff && !hasOwn_(PUBLIC_FIELDS, collection)) {
    return fail_(404, 'No collection named "' + collection + '". This web app serves actions, chapters, posts and surveys, and, with the staff token, signups, responses and moderation.');
  }
  if (staff) {
    const refused = checkStaff_(params.token);
    if (refused) return refused;
  }

  let since = null;
  if (text_(params.since)) {
    since = Date.parse(text_(params.since));
    if (isNaN(since)) return fail_(400, 'since should be an ISO 8601 instant, like 2026-12-12T13:00:00Z.');
  }

  const tab = collection === 'moderation' ? 'posts' : collection;
  const sheet = findSheet_(tab);
  if (!sheet) return fail_(404, noTab_(tab));
  const tz = Session.getScriptTimeZone();
  const table = readTable_(sheet);
  let rows = table.rows;
  if (since !== null) rows = changedSince_(table.headers, rows, since);
  const chapter = text_(params.chapter).toLowerCase();

  if (collection === 'signups' || collection === 'responses') {
    if (chapter) {
      const col = columnOf_(table.headers, 'chapter');
      rows = col < 0 ? [] : rows.filter((row) => text_(row[col]).toLowerCase() === chapter);
    }
    return { ok: true, items: rows.map((row) => rowObject_(table.headers, row, tz)) };
  }
  // Surveys belong to the whole campaign, so a chapter page still shows them.
  if (collection === 'surveys') return surveysFrom_(table.headers, rows, tz);

  let items = publicItems_(tab, table.headers, rows, tz);
  // A chapter is its own row in the chapters tab; elsewhere rows name theirs.
  if (chapter) items = items.filter((item) => text_(collection === 'chapters' ? item.id : item.chapter).toLowerCase() === chapter);
  if (collection === 'moderation') {
    const wanted = text_(params.status || 'pending').split(',').map(canonicalStatus_);
    return { ok: true, items: items.filter((item) => wanted.indexOf(canonicalStatus_(item.status)) >= 0).map(withCanonicalStatus_) };
  }
  if (collection === 'posts') {
    // Blocked people stay blocked even where a row was approved by hand.
    const blocked = blockedAuthors_();
    items = items.filter((item) => canonicalStatus_(item.status) === 'approved' && !blocked[authorKey_(item.author)]);
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
  const items = [];
  rows.forEach((row) => {
    const item = {};
    fields.forEach((field, i) => {
      if (!field || hasOwn_(item, field) || isBlank_(row[i])) return;
      const value = field === 'leaders' ? publicLeaders_(row[i]) : cellOut_(row[i], tz);
      if (value !== undefined) item[field] = value;
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

/** The surveys tab holds one row per question; the widgets want one object per survey, of public fields only. */
function surveysFrom_(headers, rows, tz) {
  const col = {};
  ['survey', 'question'].concat(PUBLIC_FIELDS.surveys, PUBLIC_QUESTION_FIELDS).forEach((field) => {
    col[field] = columnOf_(headers, field);
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
      if (field !== 'id' && field !== 'questions' && survey[field] === undefined) survey[field] = cell(row, field);
    });
    const questionId = text_(cell(row, 'question'));
    if (!questionId) return; // a row that only gives the survey's title or intro
    const question = {};
    PUBLIC_QUESTION_FIELDS.forEach((field) => {
      if (field === 'id') question.id = questionId;
      else if (field === 'options') {
        const options = cell(row, 'options');
        question.options = options === undefined ? undefined : String(options).split('|').map((o) => o.trim()).filter((o) => o);
      } else question[field] = cell(row, field);
    });
    survey.questions.push(dropEmpty_(question));
  });
  return { ok: true, items: order.map((id) => dropEmpty_(byId[id])) };
}

// ---------------------------------------------------------------------- writes

function write_(e) {
  const body = e && e.postData && typeof e.postData.contents === 'string' ? e.postData.contents : '';
  if (body.length > MAX_BODY_CHARS) return fail_(413, 'The record is too large (over 32 KB); shorten the text.');
  let request;
  try {
    request = JSON.parse(body);
  } catch (err) {
    request = undefined;
  }
  if (!isObject_(request)) {
    return fail_(400, 'The body should be JSON, like {"collection": "signups", "record": {...}, "meta": {...}}.');
  }
  if (request.action === 'moderate') return moderate_(request);
  if (request.action !== undefined) return fail_(400, 'Unknown action "' + text_(request.action) + '"; the only action is "moderate".');

  const collection = text_(request.collection);
  if (!Object.prototype.hasOwnProperty.call(WRITE_TABS, collection)) {
    return fail_(404, 'Cannot store into "' + collection + '": this web app stores signups, posts and responses.');
  }
  const record = request.record;
  if (!isObject_(record)) return fail_(422, 'record is missing: send the record to store as {"record": {...}}.');
  const problem = checkId_(record.id) || checkMeta_(request.meta) || checkRecord_(collection, record);
  if (problem) return fail_(422, problem);

  // A repeat must answer exactly what the first attempt answered, so the
  // answer depends on nothing but the collection and the id.
  const answer = { ok: true, id: record.id, status: collection === 'posts' ? 'pending' : 'stored' };
  return withLock_(() => {
    const sheet = sheetForWriting_(collection, WRITE_TABS[collection]);
    const columns = columnsFor_(sheet, WRITE_TABS[collection]);
    if (rowNumberOfId_(sheet, columns.id, record.id) > 0) return answer;

    const fields = Object.assign({}, record, { created: typeof record.created === 'string' && record.created.trim() ? record.created : new Date().toISOString() });
    if (collection === 'posts') {
      // Blocked people are told the same as anyone, so they have no reason to try another name.
      fields.status = blockedAuthors_()[authorKey_(record.author)] ? 'hidden' : 'pending';
      fields.pinned = '';
      fields.source = 'archipel';
    }
    const row = [];
    for (let i = 0; i < sheet.getLastColumn(); i++) row.push('');
    WRITE_TABS[collection].forEach((field) => {
      row[columns[field]] = cellIn_(fields[field]);
    });
    // Plain-text format keeps "01000" a postcode and "0612345678" a phone
    // number instead of numbers without their leading zero.
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length).setNumberFormat('@').setValues([row]);
    SpreadsheetApp.flush();
    return answer;
  });
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
 * tab, carriage return) behind an apostrophe, down to the strings inside the
 * JSON, which someone may copy into a cell one day.
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


// ------------------------------------------------------------------ moderation

function moderate_(request) {
  const refused = checkStaff_(request.token);
  if (refused) return refused;
  const id = text_(request.id);
  if (!id) return fail_(422, 'id is missing: say which post to moderate.');
  const action = text_(request.moderation);
  if (MODERATIONS.indexOf(action) < 0) return fail_(422, 'moderation should be one of ' + MODERATIONS.join(', ') + '.');

  return withLock_(() => {
    const sheet = findSheet_('posts');
    if (!sheet) return fail_(404, noTab_('posts'));
    const columns = columnsFor_(sheet, ['id', 'author', 'status', 'pinned']);
    const rowNumber = rowNumberOfId_(sheet, columns.id, id);
    if (rowNumber < 0) return fail_(404, 'No post with id "' + id + '" in the posts tab.');
    const cell = (row, field) => sheet.getRange(row, columns[field] + 1);

    if (action === 'approve') cell(rowNumber, 'status').setValue('approved');
    if (action === 'hide') cell(rowNumber, 'status').setValue('hidden');
    if (action === 'pin') cell(rowNumber, 'pinned').setValue(true);
    if (action === 'unpin') cell(rowNumber, 'pinned').setValue(false);
    if (action === 'block-author') {
      const author = authorKey_(cell(rowNumber, 'author').getValue());
      if (!author) return fail_(422, 'author: this post has no author to block.');
      blockAuthor_(author);
      const authors = sheet.getRange(1, columns.author + 1, sheet.getLastRow(), 1).getValues();
      authors.forEach((value, i) => {
        if (i > 0 && authorKey_(value[0]) === author) cell(i + 1, 'status').setValue('hidden');
      });
    }
    SpreadsheetApp.flush();
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map((h) => String(h));
    const row = sheet.getRange(rowNumber, 1, 1, headers.length).getValues()[0];
    return { ok: true, post: withCanonicalStatus_(publicItems_('posts', headers, [row], Session.getScriptTimeZone())[0] || { id: id }) };
  });
}

function withCanonicalStatus_(item) {
  const status = canonicalStatus_(item.status);
  if (hasOwn_(STATUS_WORDS, status)) item.status = status;
  return item;
}

/** Lower-cased and trimmed, so "Léa M. " and "léa m." are one person. */
function authorKey_(value) {
  return text_(value).toLowerCase();
}

function blockedAuthors_() {
  const sheet = findSheet_(BLOCKED_TAB);
  const blocked = Object.create(null);
  if (!sheet || sheet.getLastRow() < 2) return blocked;
  sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues().forEach((row) => {
    const key = authorKey_(row[0]);
    if (key) blocked[key] = true;
  });
  return blocked;
}

function blockAuthor_(author) {
  if (blockedAuthors_()[author]) return;
  const sheet = sheetForWriting_(BLOCKED_TAB, ['author', 'blocked']);
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, 2).setNumberFormat('@').setValues([[neutralise_(author), new Date().toISOString()]]);
}

// ---------------------------------------------------------------- staff token

/** Staff reads and moderation need the value of the Script Property STAFF_TOKEN. */
function checkStaff_(token) {
  const expected = text_(PropertiesService.getScriptProperties().getProperty('STAFF_TOKEN'));
  if (!expected) {
    return fail_(401, 'Staff features are off because no staff token is set. In the Apps Script editor, open Project Settings (the gear icon) → Script Properties → Add script property, name it STAFF_TOKEN and give it a long random value; that value is then the staff token.');
  }
  if (!text_(token) || !sameSecret_(text_(token), expected)) {
    return fail_(401, 'This needs the staff token, and it is missing or wrong. Use the value of STAFF_TOKEN from the Apps Script\'s Project Settings → Script Properties.');
  }
  return null;
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

// ----------------------------------------------------------------- the sheet

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

/** The tab of that name; "Actions" or " actions" will do when nobody wrote "actions". */
function findSheet_(name) {
  const book = SpreadsheetApp.getActiveSpreadsheet();
  const exact = book.getSheetByName(name);
  if (exact) return exact;
  const wanted = normalise_(name);
  return book.getSheets().filter((sheet) => normalise_(sheet.getName()) === wanted)[0] || null;
}

function noTab_(name) {
  return 'No tab named "' + name + '" in this spreadsheet. Add a tab named ' + name + ' with the headers of the template.';
}

/** The tab to write to, created with its header row the first time. Call it holding the lock. */
function sheetForWriting_(name, headers) {
  const existing = findSheet_(name);
  if (existing) return existing;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(name);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  sheet.setFrozenRows(1);
  return sheet;
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

function canonicalStatus_(value) {
  const word = normalise_(value);
  const statuses = Object.keys(STATUS_WORDS);
  for (let i = 0; i < statuses.length; i++) {
    if (STATUS_WORDS[statuses[i]].indexOf(word) >= 0) return statuses[i];
  }
  return word;
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
