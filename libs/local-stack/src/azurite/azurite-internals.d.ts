// Azurite ships no type declarations. These describe the few internals `startAzurite` uses
// (azurite 3.35: dist/src/blob/BlobServer.js, BlobConfiguration.js, MemoryExtentStore.js).

declare module 'azurite/dist/src/blob/BlobConfiguration' {
  export default class BlobConfiguration {
    constructor(
      host: string,
      port: number,
      keepAliveTimeout: number | undefined,
      metadataDBPath: string,
      extentDBPath: string,
      persistencePathArray: undefined,
      enableAccessLog: boolean,
      accessLogWriteStream: undefined,
      enableDebugLog: boolean,
      debugLogFilePath: undefined,
      loose: boolean,
      skipApiVersionCheck: boolean,
      cert: string,
      key: string,
      pwd: string,
      oauth: undefined,
      disableProductStyleUrl: boolean,
      isMemoryPersistence: boolean,
      memoryStore: unknown,
    );
  }
}

declare module 'azurite/dist/src/blob/BlobServer' {
  import type BlobConfiguration from 'azurite/dist/src/blob/BlobConfiguration';

  export default class BlobServer {
    constructor(configuration: BlobConfiguration);
    /** `http://<host>:<port>` once started. */
    getHttpServerAddress(): string;
    start(): Promise<void>;
    close(): Promise<void>;
    clean(): Promise<void>;
  }
}

declare module 'azurite/dist/src/common/persistence/MemoryExtentStore' {
  export class MemoryExtentChunkStore {
    constructor(sizeLimit: number);
  }
}
