import "server-only";
import { prisma, type Db } from "./db";

/**
 * Where the bytes of documents live. The Document row keeps only a `storageKey`; the bytes sit behind
 * this interface so that an S3-compatible object store can replace PostgreSQL when several app servers run.
 */
export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** null when there is no blob under that key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * The `StoredBlob` table. Given a transaction client, `put` commits or rolls back with the Document row
 * and its audit event: no orphan blob, no Document without bytes.
 */
export class PostgresBlobStore implements BlobStore {
  constructor(private readonly db: Db = prisma) {}

  async put(key: string, bytes: Uint8Array): Promise<void> {
    // Prisma's Bytes is Uint8Array<ArrayBuffer>; copy only when the view sits on a SharedArrayBuffer.
    const data = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
    await this.db.storedBlob.create({ data: { key, bytes: data } });
  }

  async get(key: string): Promise<Uint8Array | null> {
    const row = await this.db.storedBlob.findUnique({ where: { key }, select: { bytes: true } });
    return row ? row.bytes : null;
  }

  async delete(key: string): Promise<void> {
    await this.db.storedBlob.deleteMany({ where: { key } });
  }
}

/**
 * The configured store. `db` is the transaction client of the request's writes (PostgreSQL joins it).
 *
 * S3 plugs in here: `BLOB_STORE=s3` (with e.g. S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY)
 * would return an `S3BlobStore` that ignores `db`. An object store does not join the transaction, so
 * the caller (lib/server/documents.ts) deletes the key when the transaction fails after the put.
 */
export function blobStore(db: Db = prisma): BlobStore {
  const kind = process.env.BLOB_STORE ?? "postgres";
  switch (kind) {
    case "postgres":
      return new PostgresBlobStore(db);
    default:
      throw new Error(`BLOB_STORE inconnu : ${kind} (seul « postgres » est disponible).`);
  }
}
