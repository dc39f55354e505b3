// Contract between the agent and its clients: every request and response body, as zod schemas.
export * from './drafts';
export * from './errors';
export * from './health';
export * from './pairing';
