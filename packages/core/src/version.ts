/** Set by the build; "dev" when running from the sources. */
declare const __ARCHIPEL_VERSION__: string;
declare const __ARCHIPEL_SCHEMA_VERSION__: string;

/** This copy of Archipel's version. */
export const VERSION: string = typeof __ARCHIPEL_VERSION__ === 'string' ? __ARCHIPEL_VERSION__ : 'dev';
/** A hash of the schemas this copy reads records with: saved reads of another shape are never shown. */
export const SCHEMA_VERSION: string = typeof __ARCHIPEL_SCHEMA_VERSION__ === 'string' ? __ARCHIPEL_SCHEMA_VERSION__ : 'dev';
