/** Types of reference-server.mjs, for the TypeScript tests that start it. */
export interface ReferenceServer {
  /** The API base, …/api. */
  url: string;
  /** Where it serves dist/. */
  static: string;
  /** A staff token. */
  token: string;
  running: boolean;
  stop(): Promise<void>;
}

/** The seeded reference server, serving each `statics` mount (`/react/=./app/dist`) beside the API. */
export function startReferenceServer(options?: { cors?: string; statics?: string[] }): Promise<ReferenceServer>;

export function referenceServerPlugin(): unknown;
