/** The contract this server implements, served at /api/openapi.yaml. */
export const CONTRACT = new URL('../openapi.yaml', import.meta.url);
