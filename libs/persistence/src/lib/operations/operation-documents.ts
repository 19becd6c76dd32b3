import type { ItemDefinition } from '@azure/cosmos';
import { operationCodec, type OperationDocument } from '@iomt/domain';
import { withoutSystemProperties } from '../cosmos/stored-documents';

/** An operation as Cosmos returned it: its system properties dropped, decoded (and validated) by the domain codec. */
export const decodeOperation = (document: unknown): OperationDocument =>
  operationCodec.fromDocument(withoutSystemProperties(document as ItemDefinition));
