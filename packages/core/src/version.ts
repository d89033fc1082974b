/** This copy of Archipel's version, set by the build; "dev" when running from the sources. */
declare const __ARCHIPEL_VERSION__: string;
export const VERSION: string = typeof __ARCHIPEL_VERSION__ === 'string' ? __ARCHIPEL_VERSION__ : 'dev';
