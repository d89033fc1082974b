const said = new Set<string>();

/** One console warning per distinct problem, however many elements have it. */
export function warnOnce(key: string, message: string): void {
  if (said.has(key)) return;
  said.add(key);
  console.warn(`[archipel] ${message}`);
}
