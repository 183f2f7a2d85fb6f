/** Errors of the storage back-ends, each carrying what it was about. */

/** A write carried an eTag that is no longer the stored one (HTTP 412 in spirit). */
export class ETagConflictError extends Error {
  readonly code = 'ETAG_CONFLICT';
  readonly statusCode = 412;
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly actual: string | undefined,
  ) {
    // Same wording as botbuilder's MemoryStorage, so logs read alike.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/** A storage file that exists but cannot be read or parsed. */
export class StorageFileError extends Error {
  constructor(
    readonly path: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Storage file ${path} ${detail}`, options);
    this.name = 'StorageFileError';
  }
}

/** The store was used after `close()`. */
export class StorageClosedError extends Error {
  constructor(what: string) {
    super(`${what} is closed`);
    this.name = 'StorageClosedError';
  }
}
