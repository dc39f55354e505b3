// The open portal page as every part of EduLens names it: its key, problems, locks, drafts.
// Types and pure functions only (no zod: the content script imports this); the matching zod
// schemas are in ./schemas.
export * from './key';
export * from './state';
