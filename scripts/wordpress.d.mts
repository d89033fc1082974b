/** Types of scripts/wordpress.mjs, for the tests that import it. */
export declare const WIDGETS: Record<string, { tag: string; shortcode: string; title: string; icon: string; description: string }>;
/** The generated files that differ from what is on disk (written unless `check`). */
export declare function blocks(options?: { check?: boolean }): string[];
/** Writes the plugin's zip; returns the names of its entries. */
export declare function zip(out?: string): string[];
