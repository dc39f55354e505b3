import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, schemaVersion } from './migrations';

/** Written into every EduLens database header (`PRAGMA application_id`): "EDLN". */
export const EDULENS_APPLICATION_ID = 0x45_44_4c_4e;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface FileProblem {
  kind: 'not_sqlite' | 'corrupt' | 'foreign' | 'too_new';
  vi: string;
  en: string;
}

interface VerifyOptions {
  /** `quick_check` at every start (fast), the full `integrity_check` for a backup about to be restored. */
  depth: 'quick_check' | 'integrity_check';
  /** A brand-new (empty) database is fine for the agent to adopt, but is no backup. */
  allowEmpty: boolean;
}

/**
 * What is wrong with a file as an EduLens database, or null when it is healthy — found without
 * changing a byte of it: the header is read directly and SQLite is opened read-only (a read-only
 * connection never checkpoints or recovers into the main file).
 */
export function verifyDatabaseFile(path: string, options: VerifyOptions): FileProblem | null {
  const size = statSync(path).size;
  if (size === 0) {
    return options.allowEmpty ? null : notSqlite;
  }
  if (readMagic(path) !== SQLITE_MAGIC) return notSqlite;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const results = db.pragma(options.depth, { simple: false }) as Array<Record<string, string>>;
    const firstResult = results[0] ? Object.values(results[0])[0] : undefined;
    if (results.length !== 1 || firstResult !== 'ok') return corrupt(firstResult ?? 'no result');
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    if (applicationId === 0 && tables === 0) {
      return options.allowEmpty ? null : foreign;
    }
    if (applicationId !== EDULENS_APPLICATION_ID) return foreign;
    const version = schemaVersion(db);
    return version > LATEST_SCHEMA_VERSION ? tooNew(version) : null;
  } catch (error) {
    return corrupt(error instanceof Error ? error.message : String(error));
  } finally {
    db?.close();
  }
}

function readMagic(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(SQLITE_MAGIC.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return header.toString('latin1', 0, read);
  } finally {
    closeSync(fd);
  }
}

const notSqlite: FileProblem = {
  kind: 'not_sqlite',
  vi: 'tệp không phải là cơ sở dữ liệu SQLite (có thể đã bị ghi đè hoặc hỏng)',
  en: 'the file is not an SQLite database (it may have been overwritten or damaged)',
};

const foreign: FileProblem = {
  kind: 'foreign',
  vi: 'tệp là cơ sở dữ liệu SQLite nhưng không phải của EduLens',
  en: 'the file is an SQLite database but not an EduLens one',
};

function corrupt(detail: string): FileProblem {
  return {
    kind: 'corrupt',
    vi: `cơ sở dữ liệu bị hỏng (SQLite báo: ${detail})`,
    en: `the database is corrupt (SQLite says: ${detail})`,
  };
}

function tooNew(version: number): FileProblem {
  return {
    kind: 'too_new',
    vi: `dữ liệu được tạo bởi phiên bản EduLens mới hơn (lược đồ ${version} > ${LATEST_SCHEMA_VERSION}); hãy cập nhật EduLens`,
    en: `the data was written by a newer EduLens (schema ${version} > ${LATEST_SCHEMA_VERSION}); update EduLens`,
  };
}
