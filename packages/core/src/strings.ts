/** Words every widget needs for its states. Widgets add their own catalogues. */
import { joinCatalogues, type Catalogue, type Catalogues } from './i18n.js';

const en = {
  loading: 'Loading…',
  empty: 'Nothing to show yet.',
  error: 'Could not load the data. {reason}',
  retry: 'Try again',
  offline: 'You are offline. Showing what was saved {when}.',
  unrefreshed: 'Could not refresh: {reason} Showing what was saved {when}.',
  noSource: 'No data source: set the source attribute to a Google Sheet, a folder of JSON files or an API address.',
  skipped: '# entry could not be read and is not shown.|# entries could not be read and are not shown.',
};

export type CoreKey = keyof typeof en;

const fr: Catalogue<CoreKey> = {
  loading: 'Chargement…',
  empty: 'Rien à afficher pour le moment.',
  error: 'Impossible de charger les données. {reason}',
  retry: 'Réessayer',
  offline: 'Vous êtes hors ligne. Voici ce qui avait été enregistré {when}.',
  unrefreshed: 'Mise à jour impossible : {reason} Voici ce qui avait été enregistré {when}.',
  noSource: 'Aucune source de données : indiquez dans l’attribut source un Google Sheet, un dossier de fichiers JSON ou l’adresse d’une API.',
  skipped: '# entrée illisible n’est pas affichée.|# entrées illisibles ne sont pas affichées.',
};

const es: Catalogue<CoreKey> = {
  loading: 'Cargando…',
  empty: 'Todavía no hay nada que mostrar.',
  error: 'No se pudieron cargar los datos. {reason}',
  retry: 'Reintentar',
  offline: 'Sin conexión. Se muestra lo guardado {when}.',
  unrefreshed: 'No se pudo actualizar: {reason} Se muestra lo guardado {when}.',
  noSource: 'Sin fuente de datos: indique en el atributo source una hoja de Google, una carpeta de archivos JSON o la dirección de una API.',
  skipped: '# entrada no se pudo leer y no se muestra.|# entradas no se pudieron leer y no se muestran.',
};

export const coreStrings: Catalogues<CoreKey> = { en, fr, es };

/** A widget's catalogues joined to the core ones. */
export function withCore<K extends string>(own: Catalogues<K>): Catalogues<K | CoreKey> {
  return joinCatalogues(coreStrings, own);
}
