/**
 * Column headers as webmasters write them, in French, English and Spanish.
 * "Date de début", "Start date" and "Fecha de inicio" all mean `start`, and
 * "Titre:es" a title in Spanish (parse.ts).
 * Headers are compared without case, accents, spaces or punctuation, and only
 * against the fields of the collection being read, so "lien" is `url` for an
 * action and `link` for a post.
 */
import { normaliseHeader, type ParseReport } from './parse.js';
import type { Collection } from './schema-types.js';
import { AdapterError } from './errors.js';

/** Aliases per field, already normalised (see `normaliseHeader`). */
const ALIASES: Record<string, string> = {
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
  lang: 'langue|language|idioma|lengua|langage|sprache',
};


const maps = new Map<string, Map<string, string>>();

/** A lookup from normalised header to field, for the given fields. */
export function headerMap(fields: readonly string[]): Map<string, string> {
  const key = fields.join();
  let map = maps.get(key);
  if (!map) {
    map = new Map();
    for (const field of fields) {
      map.set(normaliseHeader(field), field);
      for (const alias of ALIASES[field]?.split('|') ?? []) if (!map.has(alias)) map.set(alias, field);
    }
    maps.set(key, map);
  }
  return map;
}

/**
 * When not one row could be read and columns went unrecognised, the cause is
 * almost always a renamed header or a wrong tab: say which, and what to do.
 */
export function explainUnreadable(collection: Collection, rows: number, report: ParseReport<unknown>): void {
  if (!rows || report.items.length || !report.unknownColumns.length) return;
  const unknown = report.unknownColumns.map((c) => `"${c}"`).join(', ');
  const first = report.skipped[0]?.issue;
  const missing = first?.code === 'invalid_type' && first.input === undefined && first.path.length === 1 ? String(first.path[0]) : undefined;
  const fix = missing
    ? `No row has a "${missing}" column, which is required. Rename the column that holds it to "${missing}".`
    : `None of its columns is known. In a Google Sheet, check that a tab is named exactly "${collection}" (Google answers with the first tab otherwise).`;
  throw new AdapterError('config', `${collection}: ${fix} Columns not recognised: ${unknown}.`);
}
