// Starts crash-writer.ts under tsx, cheaply. The crash trial starts a thousand writers, and most
// of each start is tsx looking at every file of the packages the core imports. Loaded here first,
// by Node alone, those packages are already in the module cache when the core asks for them, so
// tsx only compiles Ladder's own TypeScript. (Missing a package here costs time, never correctness.)
await import('kysely');
await import('kysely/migration');
await import('zod');
await import('better-sqlite3-multiple-ciphers');
const { register } = await import('tsx/esm/api');
register();
await import('./crash-writer.ts');
