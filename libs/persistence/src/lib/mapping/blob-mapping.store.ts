import { createHash } from 'node:crypto';
import type { BlockBlobClient } from '@azure/storage-blob';
import { CallOptions, MAPPING_TYPES, MappingRef, MappingStore, MappingType, ValidationError } from '@iomt/domain';
import { MappingContentMismatchError } from './mapping-content-mismatch.error';
import { MAPPING_FILE_NAMES } from './mapping-files';
import type { MappingLocator } from './mapping-locator';
import { mapStorageError } from './storage-error.mapper';

const md5 = (bytes: Uint8Array): Buffer => createHash('md5').update(bytes).digest();
const sameHash = (a: Uint8Array | undefined, b: Uint8Array): boolean => !!a && Buffer.from(a).equals(Buffer.from(b));
const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number } | null)?.statusCode;

/**
 * Connectors' device and FHIR mappings as blobs `devicecontent.json` and `fhirmapping.json` in
 * the `template` container (where the connector's functions read them). Every transfer is checked
 * against an MD5 of the bytes: the hash the service computed on upload, the stored hash on download.
 * Writing the bytes already stored is skipped.
 */
export class BlobMappingStore implements MappingStore {
  constructor(private readonly locator: MappingLocator) {}

  async put(ref: MappingRef, content: string, options: CallOptions = {}): Promise<void> {
    const { blob, container, where } = await this.blobOf(ref, options.signal);
    const action = `store the ${ref.mappingType} of connector ${ref.connectorId} in ${where}`;
    const bytes = Buffer.from(content, 'utf8');
    const hash = md5(bytes);
    try {
      const stored = await blob.getProperties({ abortSignal: options.signal }).catch((error: unknown) => {
        if (statusOf(error) === 404) return undefined;
        throw error;
      });
      if (stored && sameHash(stored.contentMD5, hash)) return;
      // The provisioner deploys the container with the connector; it is created here only where missing (locally).
      if (!stored) await container.createIfNotExists({ abortSignal: options.signal });
      const uploaded = await blob.upload(bytes, bytes.length, {
        abortSignal: options.signal,
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8', blobContentMD5: hash },
      });
      if (!sameHash(uploaded.contentMD5, hash)) {
        throw new MappingContentMismatchError(`Could not ${action}: the service received different bytes than were sent`);
      }
    } catch (error) {
      throw mapStorageError(error, action);
    }
  }

  async get(ref: MappingRef, options: CallOptions = {}): Promise<string | undefined> {
    const { blob, where } = await this.blobOf(ref, options.signal);
    const action = `read the ${ref.mappingType} of connector ${ref.connectorId} from ${where}`;
    try {
      const response = await blob.download(0, undefined, { abortSignal: options.signal });
      const bytes = await streamToBuffer(response.readableStreamBody);
      if (response.contentMD5 && !sameHash(response.contentMD5, md5(bytes))) {
        throw new MappingContentMismatchError(`Could not ${action}: the stored bytes do not match their MD5`);
      }
      return bytes.toString('utf8');
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw mapStorageError(error, action);
    }
  }

  async delete(ref: MappingRef, options: CallOptions = {}): Promise<boolean> {
    const { blob, where } = await this.blobOf(ref, options.signal);
    try {
      return (await blob.deleteIfExists({ abortSignal: options.signal })).succeeded;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw mapStorageError(error, `delete the ${ref.mappingType} of connector ${ref.connectorId} from ${where}`);
    }
  }

  async deleteAll(subscriptionId: string, connectorId: string, options: CallOptions = {}): Promise<number> {
    let deleted = 0;
    for (const mappingType of MAPPING_TYPES) {
      if (await this.delete({ subscriptionId, connectorId, mappingType }, options)) deleted += 1;
    }
    return deleted;
  }

  private async blobOf(ref: MappingRef, signal: AbortSignal | undefined) {
    if (!MAPPING_TYPES.includes(ref.mappingType as MappingType)) {
      throw new ValidationError(`The mapping type must be one of ${MAPPING_TYPES.join(', ')}, got ${String(ref.mappingType)}`, {
        target: 'mappingType',
      });
    }
    const { container, blobPrefix, description } = await this.locator.locate(ref, signal);
    const blob: BlockBlobClient = container.getBlockBlobClient(`${blobPrefix}${MAPPING_FILE_NAMES[ref.mappingType]}`);
    return { blob, container, where: description };
  }
}

async function streamToBuffer(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream ?? []) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
