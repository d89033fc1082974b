/** The words every widget needs for its states, in Spanish. */
import type en from './strings.en.js';

export default {
  loading: 'Cargando…',
  empty: 'Todavía no hay nada que mostrar.',
  error: 'No se pudieron cargar los datos. {reason}',
  retry: 'Reintentar',
  offline: 'Sin conexión. Se muestra lo guardado {when}.',
  unrefreshed: 'No se pudo actualizar: {reason} Se muestra lo guardado {when}.',
  noSource: 'Sin fuente de datos: indique en el atributo source una hoja de Google, una carpeta de archivos JSON o la dirección de una API.',
  skipped: '# entrada no se pudo leer y no se muestra.|# entradas no se pudieron leer y no se muestran.',
} satisfies Record<keyof typeof en, string>;
